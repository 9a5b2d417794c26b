import { queryString } from '../api-client.ts';
import { Empty } from '../components/status-views.tsx';

export function BriefPage({ country, from, to }: { country: string | undefined; from: string; to: string }) {
  if (!country) return <Empty>Import events first: the brief is written from them.</Empty>;
  const q = queryString({ country, from, to });
  return (
    <section className="brief">
      <h1>
        Joint analysis brief: {country}, {from} to {to}
      </h1>
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
