package io.github.iscworkflows.workflow.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronExpressionTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0 9 * * 1",
                "0 15 * * 6",
                "0 * */3 */5 *",
                "*/15 0-6,18-23 1,15 JAN-MAR mon-fri",
                "30 2 ? * 7",
                "0 0 31 12 0",
                "  5 4 * * *  "
            })
    void validExpressionPasses(String expression) {
        assertNull(CronExpression.check(expression));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0 25 * * 1|has hour 25, outside 0-23",
                "60 1 * * 1|has minute 60, outside 0-59",
                "0 1 0 * 1|has day of month 0, outside 1-31",
                "0 1 * 13 1|has month 13, outside 1-12",
                "0 1 * * 8|has day of week 8, outside 0-7",
                "0 1 * * MONDAY|has day of week with an invalid value 'MONDAY'",
                "0 1 * * 5-2|has day of week with a range that runs backwards '5-2'",
                "*/0 1 * * 1|has minute with an invalid step '0'",
                "0 1,,2 * * 1|has hour with an invalid value ''",
                "0 9 * *|has 4 fields; expected 5 (minute hour day-of-month month day-of-week)",
                "0 0 9 ? * MON|has 6 fields; expected 5 (minute hour day-of-month month day-of-week)",
                "0 ? * * 1|has hour with an invalid value '?'"
            })
    void invalidExpressionNamesFault(String expression, String fault) {
        assertEquals(fault, CronExpression.check(expression));
    }
}
