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
import { EstimateView } from './views/EstimateView.tsx';
import { SimulateView } from './views/SimulateView.tsx';
import { TfpView } from './views/TfpView.tsx';
import { QcaView } from './views/QcaView.tsx';
import { AssessView } from './views/AssessView.tsx';
import { FrameworkView } from './views/FrameworkView.tsx';
import { ExportView } from './views/ExportView.tsx';

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
          {view === 'estimate' && <EstimateView />}
          {view === 'tfp' && <TfpView />}
          {view === 'qca' && <QcaView />}
          {view === 'simulate' && <SimulateView />}
          {view === 'assess' && <AssessView />}
          {view === 'framework' && <FrameworkView />}
          {view === 'export' && <ExportView />}
        </main>
      </div>
    </div>
  );
}
