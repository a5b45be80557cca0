"use client";

import { useCombobox, type UseComboboxState, type UseComboboxStateChangeOptions } from "downshift";
import { useI18n } from "@/i18n/client";
import { inputClass } from "./ui";

/**
 * A text field with a list of suggestions (the ARIA combobox pattern, by Downshift's `useCombobox`):
 * typing opens the list, ↑/↓ move the highlight, Enter picks the highlighted option (and never
 * submits the form while the list is open), Escape closes the list and keeps the text, Tab leaves.
 * The text stays free: a name not in the list is kept as typed. A polite live region says how many
 * options there are, or that the lookup runs, or that nothing matched.
 *
 * Label it with a surrounding `Field` of the same `id` (its `<label for>` names the input).
 */
export function Combobox<Item>({
  id, value, onInputChange, items, itemKey, itemText, renderItem, onSelect, loading, listLabel, emptyText, invalid, describedBy,
  className, testId,
}: {
  id: string;
  /** the text in the field (controlled) */
  value: string;
  /** the person typed (not called when an option is picked: `onSelect` is) */
  onInputChange: (text: string) => void;
  /** the options for the current text (already looked up) */
  items: Item[];
  itemKey: (item: Item) => string;
  /** the text the field shows once the option is picked */
  itemText: (item: Item) => string;
  /** how an option reads in the list (defaults to its text) */
  renderItem?: (item: Item) => React.ReactNode;
  onSelect: (item: Item) => void;
  /** the lookup for the current text is still running */
  loading?: boolean;
  /** the list's accessible name, e.g. "Dictionary suggestions" */
  listLabel: string;
  /** what the list says when nothing matched (defaults to "No match") */
  emptyText?: string;
  invalid?: boolean;
  describedBy?: string;
  className?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const hasText = value.trim().length > 0;
  const { isOpen, highlightedIndex, getInputProps, getMenuProps, getItemProps } = useCombobox<Item>({
    inputId: id,
    menuId: `${id}-listbox`,
    getItemId: (index) => `${id}-option-${index}`,
    items,
    inputValue: value,
    // nothing stays "selected": every pick is reported, and the field's text is the source of truth
    selectedItem: null,
    itemToString: (item) => (item ? itemText(item) : ""),
    itemToKey: (item) => (item ? itemKey(item) : null),
    stateReducer: comboboxReducer,
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) onSelect(selectedItem);
    },
  });
  const open = isOpen && hasText;
  const status = !open ? "" : loading && items.length === 0 ? t("combobox.loading")
    : items.length === 0 ? emptyText ?? t("combobox.no_match")
    : t("combobox.count", { count: items.length });

  return (
    <div className="relative">
      <input
        {...getInputProps({
          // the surrounding Field's <label for> names the field (Downshift would point at a label id of its own)
          "aria-labelledby": undefined,
          // typing updates the text at once (Downshift's onInputValueChange runs in an effect, a keystroke later)
          onChange: (e: React.ChangeEvent<HTMLInputElement>) => onInputChange(e.target.value),
          "aria-invalid": invalid || undefined,
          "aria-describedby": describedBy,
          className: `${inputClass} ${className ?? ""}`,
          spellCheck: false,
        })}
        data-testid={testId}
      />
      {/* announced by screen readers: the number of options, the lookup running, or no match */}
      <div role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid={testId ? `${testId}-status` : undefined}>{status}</div>
      <div
        className={open ? "absolute inset-x-0 z-20 mt-1 overflow-hidden rounded-md border border-slate-200 bg-white shadow-lg" : "hidden"}
      >
        <ul
          {...getMenuProps({ "aria-label": listLabel })}
          className="max-h-[min(18rem,50vh)] overflow-y-auto overscroll-contain empty:hidden"
        >
          {open
            ? items.map((item, index) => (
              <li
                key={itemKey(item)}
                {...getItemProps({ item, index })}
                className={`flex min-h-11 cursor-pointer flex-wrap items-center gap-x-2 border-l-4 px-3 py-2 text-left text-sm break-words ${
                  highlightedIndex === index ? "border-brand-600 bg-brand-100 text-slate-900" : "border-transparent text-slate-800"
                }`}
              >
                {renderItem ? renderItem(item) : itemText(item)}
              </li>
            ))
            : null}
        </ul>
        {open && items.length === 0 ? (
          <p className="px-3 py-2 text-sm text-slate-600" aria-hidden>{status}</p>
        ) : null}
      </div>
    </div>
  );
}

/**
 * Downshift's defaults, with these changes for a field in a form: the list opens only when there is
 * text to look up; Enter with nothing highlighted closes the list (the next Enter submits the form);
 * Escape on a closed list keeps the text (Downshift would clear it); holding `selectedItem` at null
 * changes nothing.
 */
function comboboxReducer<Item>(state: UseComboboxState<Item>, { type, changes }: UseComboboxStateChangeOptions<Item>): Partial<UseComboboxState<Item>> {
  const types = useCombobox.stateChangeTypes;
  switch (type) {
    case types.InputKeyDownEnter:
      return state.highlightedIndex < 0 ? { ...changes, isOpen: false } : changes;
    case types.ControlledPropUpdatedSelectedItem:
      // the selected item is held at null on purpose: that is no reason to empty the field or close the list
      return state;
    case types.InputKeyDownEscape:
      return { ...changes, isOpen: false, highlightedIndex: -1, inputValue: state.inputValue, selectedItem: state.selectedItem };
    default: {
      const text = changes.inputValue ?? state.inputValue;
      return changes.isOpen && !text.trim() ? { ...changes, isOpen: false } : changes;
    }
  }
}
