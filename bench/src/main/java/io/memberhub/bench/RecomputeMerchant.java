package io.memberhub.bench;

/**
 * The recompute benchmark's merchant, set up through the API: a three-level ladder over spend and
 * orders in rolling windows, each level kept only while its rule holds (retention with no grace, so
 * a review moves members down as well as up), and one rule tag.
 */
record RecomputeMerchant(String tenantId, String regular, String silver, String gold, String tagId) {

    static final long SILVER_SPEND = 100_000;
    static final long GOLD_SPEND = 500_000;
    static final long GOLD_ORDERS = 10;
    static final long HIGH_VALUE_SPEND = 500_000;

    private static final String SILVER_RULE = "{\"metric\":\"SPEND\",\"atLeast\":" + SILVER_SPEND + ",\"window\":{\"months\":12}}";
    private static final String GOLD_RULE = "{\"any\":[{\"metric\":\"SPEND\",\"atLeast\":" + GOLD_SPEND + ",\"window\":{\"months\":12}},"
            + "{\"metric\":\"ORDER_COUNT\",\"atLeast\":" + GOLD_ORDERS + ",\"window\":{\"months\":3}}]}";

    static RecomputeMerchant prepare(Api api, String keycloak) throws Exception {
        String tenantId = api.signUpMerchant(keycloak);
        String regular = Api.field(api.post("/api/v1/levels", "{\"name\":\"Regular\",\"rank\":0}", 201), "id");
        String silver = Api.field(api.post("/api/v1/levels", "{\"name\":\"Silver\",\"rank\":1,\"upgradeRule\":" + SILVER_RULE
                + ",\"retention\":{\"rule\":" + SILVER_RULE + ",\"graceDays\":0}}", 201), "id");
        String gold = Api.field(api.post("/api/v1/levels", "{\"name\":\"Gold\",\"rank\":2,\"upgradeRule\":" + GOLD_RULE
                + ",\"retention\":{\"rule\":" + GOLD_RULE + ",\"graceDays\":0}}", 201), "id");
        String tag = Api.field(api.post("/api/v1/tags", "{\"name\":\"high value\",\"rule\":{\"match\":\"ALL\",\"conditions\":[{\"metric\":\"SPEND\","
                + "\"op\":\"GTE\",\"value\":" + HIGH_VALUE_SPEND + ",\"windowDays\":365}]}}", 201), "id");
        // Every level change queues a review of all members; let those (of nobody yet) finish before members arrive.
        PlatformRecompute.awaitNoReviewOpen(api);
        return new RecomputeMerchant(tenantId, regular, silver, gold, tag);
    }
}
