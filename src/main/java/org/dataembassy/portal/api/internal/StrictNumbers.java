package org.dataembassy.portal.api.internal;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;
import org.dataembassy.portal.api.ApiController;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Path variables and query parameters of {@link ApiController}s that are whole numbers accept decimal digits
 * only: Spring's default conversion also takes {@code 0x1} and {@code #1} (hexadecimal), {@code " 1"} and
 * {@code 010}, so {@code /versions/0x1} was version 1. A refused value is a 400 naming the parameter.
 */
@ControllerAdvice(annotations = ApiController.class)
class StrictNumbers {

    static final String EXPECTED = "expected a whole number in decimal digits, e.g. 3";
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,18})");

    @InitBinder
    void strictWholeNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(int.class, new Decimal(false, true));
        binder.registerCustomEditor(Integer.class, new Decimal(false, false));
        binder.registerCustomEditor(long.class, new Decimal(true, true));
        binder.registerCustomEditor(Long.class, new Decimal(true, false));
    }

    private static final class Decimal extends PropertyEditorSupport {

        private final boolean wide;
        private final boolean primitive;

        Decimal(boolean wide, boolean primitive) {
            this.wide = wide;
            this.primitive = primitive;
        }

        @Override
        public void setAsText(String text) {
            if ((text == null || text.isEmpty()) && !primitive) {
                setValue(null);
                return;
            }
            if (text == null || !DECIMAL.matcher(text).matches()) {
                throw new IllegalArgumentException(EXPECTED);
            }
            try {
                setValue(wide ? (Object) Long.parseLong(text) : (Object) Integer.parseInt(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(EXPECTED, e);
            }
        }
    }
}
