import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './features/language/i18n';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* Until the catalogs have loaded there is no text to show in any language. */}
    <Suspense fallback={<div className="app-loading" aria-busy="true" />}>
      <App />
    </Suspense>
  </StrictMode>,
);
