import '@mantine/core/styles.css';
import './i18n';
import { startTransition, StrictMode, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element');

/** Removes the shell of index.html in the commit that draws the app's first screen (no frame with both). */
function RemoveShell() {
  useLayoutEffect(() => document.getElementById('boot')?.remove(), []);
  return null;
}

// A transition: React draws the first screen in slices that leave the main thread free between
// them (no long task), the shell staying on screen meanwhile.
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <RemoveShell />
      <App />
    </StrictMode>,
  );
});
