import '@mantine/core/styles.css';
import './i18n';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element');

// A transition: React draws the first screen in slices that leave the main thread free between
// them (no long task), the shell of index.html staying on screen meanwhile.
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
