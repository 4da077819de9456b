package org.dataembassy.portal.datasets;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dataembassy.datasets.*}.
 *
 * @param sourceRoots the folders a dataset's source must lie in (default: none configured, which means
 *                    {@code <data-dir>/sources})
 */
@Validated
@ConfigurationProperties("dataembassy.datasets")
public record DatasetsProperties(List<String> sourceRoots) {

    public DatasetsProperties(@DefaultValue List<String> sourceRoots) {
        this.sourceRoots = sourceRoots == null ? List.of() : List.copyOf(sourceRoots);
    }
}
