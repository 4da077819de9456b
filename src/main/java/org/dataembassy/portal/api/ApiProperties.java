package org.dataembassy.portal.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code dataembassy.api} (docs/operations.md, "Request limits").
 *
 * @param maxBodySize the largest request body accepted under {@code /api/**}; larger ones are refused with 413
 *                    before anything reads them (the sign-in is not even looked at)
 */
@ConfigurationProperties("dataembassy.api")
public record ApiProperties(@DefaultValue("256KB") DataSize maxBodySize) {

    public ApiProperties {
        if (maxBodySize.toBytes() < 1024 || maxBodySize.toBytes() > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("dataembassy.api.max-body-size must be between 1KB and 2GB");
        }
    }
}
