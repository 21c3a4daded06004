package io.github.iscworkflows.workflow.rules;

import java.util.List;
import java.util.Locale;

/**
 * Checks a {@code cronString} of a scheduled trigger.
 *
 * <p>ISC's API reference describes {@code cronString} as a cron expression, gives {@code 0 9 * * 1} as
 * the example and links to crontab.guru, and real exports carry expressions such as
 * {@code 0 15 * * 6}: five fields, minute hour day-of-month month day-of-week. Each field takes
 * {@code *}, numbers, ranges {@code a-b}, steps {@code x/n} and lists {@code a,b}; month and day of
 * week also take names ({@code JAN}, {@code MON}); day of week is 0-7 with 0 and 7 both Sunday.
 * Quartz-style {@code ?} is accepted in the day fields.
 */
final class CronExpression {

    private record Field(String name, int min, int max, List<String> names) {}

    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private static final List<Field> FIELDS = List.of(
            new Field("minute", 0, 59, List.of()),
            new Field("hour", 0, 23, List.of()),
            new Field("day of month", 1, 31, List.of()),
            new Field("month", 1, 12, MONTHS),
            new Field("day of week", 0, 7, DAYS));

    private CronExpression() {}

    /** Returns what is wrong with the expression, or null when it is a valid five-field expression. */
    static String check(String expression) {
        String[] parts = expression.trim().split("\\s+");
        if (expression.isBlank()) {
            return "is empty";
        }
        if (parts.length != FIELDS.size()) {
            return "has " + parts.length + " fields; expected 5 (minute hour day-of-month month day-of-week)";
        }
        for (int i = 0; i < parts.length; i++) {
            String fault = checkField(parts[i], FIELDS.get(i));
            if (fault != null) {
                return fault;
            }
        }
        return null;
    }

    private static String checkField(String text, Field field) {
        if (text.equals("?") && field.name().startsWith("day")) {
            return null;
        }
        for (String item : text.split(",", -1)) {
            String fault = checkItem(item, field);
            if (fault != null) {
                return "has " + field.name() + " " + fault;
            }
        }
        return null;
    }

    private static String checkItem(String item, Field field) {
        String range = item;
        int slash = item.indexOf('/');
        if (slash >= 0) {
            range = item.substring(0, slash);
            String step = item.substring(slash + 1);
            Integer stepValue = number(step);
            if (stepValue == null || stepValue < 1) {
                return "with an invalid step '" + step + "'";
            }
        }
        if (range.equals("*")) {
            return null;
        }
        int dash = range.indexOf('-');
        String[] bounds =
                dash > 0 ? new String[] {range.substring(0, dash), range.substring(dash + 1)} : new String[] {range};
        Integer previous = null;
        for (String bound : bounds) {
            Integer value = value(bound, field);
            if (value == null) {
                return "with an invalid value '" + bound + "'";
            }
            if (value < field.min() || value > field.max()) {
                return bound + ", outside " + field.min() + "-" + field.max();
            }
            if (previous != null && value < previous) {
                return "with a range that runs backwards '" + range + "'";
            }
            previous = value;
        }
        return null;
    }

    private static Integer value(String text, Field field) {
        int index = field.names().indexOf(text.toUpperCase(Locale.ROOT));
        if (index >= 0) {
            return index + (field.min() == 1 ? 1 : 0);
        }
        return number(text);
    }

    private static Integer number(String text) {
        if (text.isEmpty() || text.length() > 4) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return null;
            }
        }
        return Integer.parseInt(text);
    }
}
