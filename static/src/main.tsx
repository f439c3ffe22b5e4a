import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import '@atlaskit/css-reset';
import { token } from '@atlaskit/tokens/token';
import { enableTheme, getPageContext, PERSONAL_MODULE_KEY, type PageContext } from './bridge';
import { PageShell } from './components/PageShell';
import { Loading } from './components/Loading';

// Each page is its own chunk: a user opening their personal page never downloads the admin tables.
const AdminPage = lazy(() => import('./admin/AdminPage'));
const PersonalPage = lazy(() => import('./personal/PersonalPage'));

function App({ context }: { context: PageContext }) {
  return (
    <PageShell>
      <Suspense fallback={<Loading label="Loading Scope Doctor" />}>
        {context.moduleKey === PERSONAL_MODULE_KEY ? <PersonalPage context={context} /> : <AdminPage />}
      </Suspense>
    </PageShell>
  );
}

async function start(): Promise<void> {
  const [context] = await Promise.all([getPageContext(), enableTheme()]);
  // The body sits outside React; give it the themed surface so dark mode has no white frame.
  document.body.style.backgroundColor = token('elevation.surface');
  document.body.style.color = token('color.text');
  const container = document.getElementById('root');
  if (!container) throw new Error('Missing #root element');
  createRoot(container).render(
    <StrictMode>
      <App context={context} />
    </StrictMode>,
  );
}

void start();
