import { render } from 'preact';
import { loadFramework } from '../../core/framework/model.ts';

function App() {
  const n = loadFramework().nodes.length;
  return <h1>xinzhi {n}</h1>;
}
render(<App />, document.getElementById('app')!);
