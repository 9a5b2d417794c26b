import { type MouseEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadAs } from '../file-download.ts';

/**
 * A link to a file the server makes (an export, the brief as PDF), saved under the name the page
 * gives it (`fileName`: what it holds, its country and period), with a line while it is being
 * made and, when the server refuses, why, beside the link. A click that asks for a new tab or
 * window is left to the browser.
 */
export function DownloadLink({
  href,
  fileName,
  className,
  rel,
  children,
}: {
  href: string;
  fileName: string;
  className?: string;
  rel?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const click = async (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setRefused(null);
    try {
      await downloadAs(href, fileName);
    } catch (err) {
      setRefused((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <a className={className} href={href} download={fileName} rel={rel} onClick={(e) => void click(e)}>
        {children}
      </a>
      {busy && (
        <span className="muted" role="status">
          {' '}
          {t('common.preparingFile')}
        </span>
      )}
      {refused && (
        <span className="field-error" role="alert">
          {' '}
          {t('common.fileRefused', { reason: refused })}
        </span>
      )}
    </>
  );
}
