/**
 * The events `<order-calendar>` fires for user intent: navigation to another period or view, opening a
 * day, changing which kinds show, and a finished reschedule. (`order-open` is the shared event of
 * `../shared/order-open-event.ts`.)
 */
import type { CalendarKind } from '../../api/types.js';
import type { Timestamp } from '../../model/types.js';
import type { CalendarView } from './calendar-math.js';

/** Detail of `calendar-navigate`: the view and the focused day (`YYYY-MM-DD`) after the move. */
export interface CalendarNavigateDetail {
  readonly view: CalendarView;
  readonly date: string;
}

/** The user moved to another period (previous/next/today, the keyboard, a day in another month) or view. */
export class CalendarNavigateEvent extends CustomEvent<CalendarNavigateDetail> {
  constructor(detail: CalendarNavigateDetail) {
    super('calendar-navigate', { detail, bubbles: true, composed: true });
  }
}

/** Detail of `day-select`: the day opened, and its bounds as UTC instants in the calendar's time zone. */
export interface DaySelectDetail {
  readonly date: string;
  readonly timeZone: string;
  /** The day's first instant (inclusive). */
  readonly from: Timestamp;
  /** The next day's first instant (exclusive). */
  readonly to: Timestamp;
}

/** The user opened a day (click, Enter or Space): its order list shows. */
export class DaySelectEvent extends CustomEvent<DaySelectDetail> {
  constructor(detail: DaySelectDetail) {
    super('day-select', { detail, bubbles: true, composed: true });
  }
}

/** Detail of `kinds-change`: the kinds shown now, in display order. */
export interface KindsChangeDetail {
  readonly kinds: readonly CalendarKind[];
}

/** The user turned a kind (scheduled, shipments, created) on or off; persist `detail.kinds` if you like. */
export class KindsChangeEvent extends CustomEvent<KindsChangeDetail> {
  constructor(kinds: readonly CalendarKind[]) {
    super('kinds-change', { detail: { kinds }, bubbles: true, composed: true });
  }
}

/** Detail of `order-reschedule`: an order's new scheduled time, and the one before (for an undo of your own). */
export interface OrderRescheduleDetail {
  readonly orderId: string;
  readonly scheduledAt: Timestamp;
  readonly previous: Timestamp | undefined;
  /** True when this was the calendar's Undo of an earlier move. */
  readonly undo: boolean;
}

/** A reschedule the user made (drag, Move to…, or Undo) succeeded on the backend. */
export class OrderRescheduleEvent extends CustomEvent<OrderRescheduleDetail> {
  constructor(detail: OrderRescheduleDetail) {
    super('order-reschedule', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'calendar-navigate': CalendarNavigateEvent;
    'day-select': DaySelectEvent;
    'kinds-change': KindsChangeEvent;
    'order-reschedule': OrderRescheduleEvent;
  }
}
