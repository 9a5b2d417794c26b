import { queryString } from '../api-client.ts';
import { Empty } from '../components/status-views.tsx';

export function BriefPage({ country }: { country: string | undefined }) {
  if (!country) return <Empty>Import events first: the brief is written from them.</Empty>;
  const q = queryString({ country });
  return (
    <section className="brief">
      <h1>Joint analysis brief: {country}</h1>
      <p>
        <a href={`/api/brief.html${q}`} target="_blank" rel="noreferrer">
          Open as HTML
        </a>{' '}
        ·{' '}
        <a href={`/api/brief.pdf${q}`} target="_blank" rel="noreferrer">
          Download as PDF
        </a>{' '}
        <span className="muted">
          (the PDF is printed by headless Chromium on the server; it takes a few seconds)
        </span>
      </p>
      <iframe title="Joint analysis brief" className="brief-frame" src={`/api/brief.html${q}`} />
    </section>
  );
}
