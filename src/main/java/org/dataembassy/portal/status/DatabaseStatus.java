package org.dataembassy.portal.status;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Which database the portal runs on and whether it answers. */
@Service
public class DatabaseStatus {

    public record Info(boolean up, String product, String url) {
    }

    private final DataSource dataSource;

    DatabaseStatus(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** ADMIN and AUDITOR. The URL is shown without credentials (they are never part of it here). */
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    public Info info() {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            boolean up = c.isValid(2);
            String url = meta.getURL().replaceAll("(?i)(password|user)=[^;&]*", "$1=***");
            return new Info(up, meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion(), url);
        } catch (Exception e) {
            return new Info(false, "unreachable", "");
        }
    }
}
