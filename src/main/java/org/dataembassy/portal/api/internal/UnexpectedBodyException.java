package org.dataembassy.portal.api.internal;

/** A request carried a body to an endpoint that takes none (it would otherwise be ignored, and the action done). */
final class UnexpectedBodyException extends RuntimeException {

    UnexpectedBodyException() {
        super("this endpoint takes no request body");
    }
}
