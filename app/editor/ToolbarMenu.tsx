// The toolbar's "Meer" menu (WAI-ARIA menu button): Enter, Space or ArrowDown opens it and
// focuses the first item; arrows move, Escape closes and returns focus to the button.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

export type MenuItem = { key: string; text: string; onSelect: () => void };

export function ToolbarMenu({ items, tabIndex, onFocus }: { items: MenuItem[]; tabIndex: number; onFocus: () => void }) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const id = useId();

  useEffect(() => {
    if (open) menuRef.current?.querySelectorAll<HTMLElement>("[role=menuitem]")[active]?.focus({ preventScroll: true });
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!menuRef.current?.contains(e.target as Node) && e.target !== buttonRef.current) setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus({ preventScroll: true });
  };
  const choose = (item: MenuItem) => {
    setOpen(false);
    item.onSelect();
  };
  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    // The toolbar's own arrow keys must not act while the menu is open.
    e.stopPropagation();
    if (e.key === "Escape" || e.key === "Tab") {
      if (e.key === "Escape") e.preventDefault();
      close();
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => (a + (e.key === "ArrowDown" ? 1 : -1) + items.length) % items.length);
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      setActive(e.key === "Home" ? 0 : items.length - 1);
    }
  };
  return (
    <span className="tool-menu">
      <button
        ref={buttonRef}
        type="button"
        data-tool="more"
        className="tool"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        tabIndex={tabIndex}
        onFocus={onFocus}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          setActive(0);
          setOpen((o) => !o);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            e.stopPropagation();
            setActive(0);
            setOpen(true);
          }
        }}
      >
        Meer ▾
      </button>
      {open ? (
        <ul className="tool-menu-list" role="menu" id={`${id}-menu`} aria-label="Meer opmaak" ref={menuRef} onKeyDown={onMenuKey}>
          {items.map((item, i) => (
            <li key={item.key} role="none">
              <button type="button" role="menuitem" tabIndex={i === active ? 0 : -1} onMouseDown={(e) => e.preventDefault()} onClick={() => choose(item)}>
                {item.text}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </span>
  );
}
