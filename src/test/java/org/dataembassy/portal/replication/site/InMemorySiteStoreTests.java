package org.dataembassy.portal.replication.site;

class InMemorySiteStoreTests extends SiteStoreContract {
    @Override
    protected SiteStore store() {
        return new InMemorySiteStore("memory");
    }
}
