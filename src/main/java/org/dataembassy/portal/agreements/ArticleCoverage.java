package org.dataembassy.portal.agreements;

/**
 * How much of the rules citing one article the agreement's tests reached.
 *
 * @param topic   the article's key in the terms ({@code host_access}, …)
 * @param number  the article number as cited ({@code Art. 5})
 * @param covered rule lines citing this article that the tests evaluated
 * @param total   rule lines citing this article
 */
public record ArticleCoverage(String topic, String number, String title, int covered, int total) {

    public int percent() {
        return total == 0 ? 0 : (int) Math.round(100.0 * covered / total);
    }
}
