import { List, Switch } from 'antd-mobile';
import { useSyncExternalStore, type KeyboardEvent } from 'react';

/**
 * 大字 (large text) mode of the phone pages, for elderly members and residents: a class on <html>
 * that multiplies every text size by 1.3 (h5.css), switched on 我的 or the login screen and
 * remembered in this browser (localStorage), so it holds from the next visit's first screen on.
 */
const STORAGE_KEY = 'jiceng.h5.largeText';
const CLASS_NAME = 'h5-large-text';
const listeners = new Set<() => void>();

function stored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false; // storage refused (private mode): normal text
  }
}

/** Puts the remembered mode on the page; call once before the first render. */
export function applyStoredLargeText(): void {
  document.documentElement.classList.toggle(CLASS_NAME, stored());
}

/** Switches the mode, remembers it and tells every switch shown. */
export function setLargeText(on: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, on ? '1' : '0');
  } catch {
    // not remembered, but still applied for this visit
  }
  document.documentElement.classList.toggle(CLASS_NAME, on);
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const isOn = () => document.documentElement.classList.contains(CLASS_NAME);

/** Whether 大字 mode is on, re-rendering when it changes. */
export function useLargeText(): boolean {
  return useSyncExternalStore(subscribe, isOn);
}

/**
 * The 大字模式 row with its switch. antd-mobile's switch is a div: it gets a name, a tab stop and
 * Space/Enter here, so it also works without touch.
 */
export function LargeTextItem() {
  const on = useLargeText();
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== ' ' && e.key !== 'Enter') return;
    e.preventDefault();
    setLargeText(!on);
  };
  return (
    <List.Item
      description="放大字号，方便老年党员和群众阅读"
      extra={
        <span onKeyDown={onKeyDown}>
          <Switch checked={on} onChange={setLargeText} aria-label="大字模式" tabIndex={0} />
        </span>
      }
    >
      大字模式
    </List.Item>
  );
}
