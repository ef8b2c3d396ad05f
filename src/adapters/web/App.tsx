/** The app shell: header, left navigation, the current view. */
import { useStore } from './store.ts';
import { useT } from './hooks.ts';
import { Header } from './components/Header.tsx';
import { Nav } from './components/Nav.tsx';
import { NoticeBar } from './components/NoticeBar.tsx';
import { DataView } from './views/DataView.tsx';
import { SpecView } from './views/SpecView.tsx';
import { ResultsView } from './views/ResultsView.tsx';
import { AnalysisView } from './views/AnalysisView.tsx';
import { SimulateView } from './views/SimulateView.tsx';
import { LazyView } from './components/LazyView.tsx';
import { FrameworkView } from './views/FrameworkView.tsx';
import { ExportView } from './views/ExportView.tsx';

const loadEstimate = () => import('./views/EstimateView.tsx').then((m) => m.EstimateView);
const loadTfp = () => import('./views/TfpView.tsx').then((m) => m.TfpView);
const loadQca = () => import('./views/QcaView.tsx').then((m) => m.QcaView);
const loadAssess = () => import('./views/AssessView.tsx').then((m) => m.AssessView);
const loadText = () => import('./views/TextView.tsx').then((m) => m.TextView);

export function App() {
  const { view } = useStore();
  const { t } = useT();
  return (
    <div class="shell">
      <a class="skip" href="#main">
        {t('skipToMain')}
      </a>
      <Header />
      <div class="body">
        <Nav />
        <main id="main" tabIndex={-1} data-view={view}>
          <NoticeBar />
          {view === 'data' && <DataView />}
          {view === 'spec' && <SpecView />}
          {view === 'results' && <ResultsView />}
          {view === 'analysis' && <AnalysisView />}
          {view === 'estimate' && <LazyView load={loadEstimate} />}
          {view === 'tfp' && <LazyView load={loadTfp} />}
          {view === 'qca' && <LazyView load={loadQca} />}
          {view === 'simulate' && <SimulateView />}
          {view === 'text' && <LazyView load={loadText} />}
          {view === 'assess' && <LazyView load={loadAssess} />}
          {view === 'framework' && <FrameworkView />}
          {view === 'export' && <ExportView />}
        </main>
      </div>
    </div>
  );
}
