import { useTranslation } from 'react-i18next';
import { day, num } from '../format.ts';
import { actorName, eventKind, recordText } from '../labels.ts';
import { pageHref } from '../url-state.ts';
import type { MapEventsList } from '../workbench-types.ts';

/**
 * One page of an area's events, newest first: the date links to the event's page, state forces
 * are marked, and on a phone each cell carries its column's name.
 */
export function AreaEventRows({ list: e, first }: { list: MapEventsList; first: number }) {
  const { t: tr } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="events">
        <caption>
          {tr('area.caption', {
            first: num(first + 1),
            last: num(first + e.events.length),
            total: num(e.total),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{tr('area.date')}</th>
            <th scope="col">{tr('area.type')}</th>
            <th scope="col">{tr('area.perpetrator')}</th>
            <th scope="col">{tr('area.against')}</th>
            <th scope="col">{tr('area.deaths')}</th>
            <th scope="col">{tr('area.place')}</th>
            <th scope="col">{tr('area.notes')}</th>
          </tr>
        </thead>
        <tbody>
          {e.events.map((x) => (
            <tr key={x.id}>
              <td data-label={tr('area.date')}>
                <a
                  href={pageHref('event', { id: String(x.id) })}
                  title={tr('area.event', { id: x.sourceEventId })}
                >
                  <time dateTime={x.date}>{day(x.date)}</time>
                </a>
              </td>
              <td data-label={tr('area.type')}>
                {x.source === 'mission'
                  ? tr(`incidents.category.${x.subEventType}`, { defaultValue: x.subEventType })
                  : eventKind(x)}
              </td>
              <td
                data-label={tr('area.perpetrator')}
                className={x.actor1Category === 'state-forces' ? 'state' : undefined}
              >
                {actorName(x.actor1)}
              </td>
              <td data-label={tr('area.against')}>{x.actor2 ? actorName(x.actor2) : '–'}</td>
              <td data-label={tr('area.deaths')}>{x.fatalities}</td>
              <td data-label={tr('area.place')}>{x.location}</td>
              <td data-label={tr('area.notes')} className="notes">
                {recordText(x.notes)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
