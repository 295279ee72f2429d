/** Registers `<order-calendar>` (warns and skips when the tag is already defined). */
import { defineElement } from '../../define-element.js';
import { OrderCalendar } from './order-calendar.js';

defineElement('order-calendar', OrderCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'order-calendar': OrderCalendar;
  }
}

export { OrderCalendar };
export type { CalendarView, Weekday } from './calendar-math.js';
export {
  CalendarNavigateEvent,
  DaySelectEvent,
  KindsChangeEvent,
  OrderRescheduleEvent,
  type CalendarNavigateDetail,
  type DaySelectDetail,
  type KindsChangeDetail,
  type OrderRescheduleDetail,
} from './events.js';
