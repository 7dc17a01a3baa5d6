package io.memberhub.platform;

import io.memberhub.platform.memberlogin.LogSmsSender;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the codes the development SMS sender writes to the log, as a phone would receive them. */
public final class SmsInbox extends Handler {

    private static final SmsInbox INSTANCE = new SmsInbox();
    private static final Pattern CODE = Pattern.compile("SMS to (\\S+) .*code is (\\d{6})");

    private final List<String> lines = new CopyOnWriteArrayList<>();

    public static SmsInbox open() {
        Logger logger = Logger.getLogger(LogSmsSender.CATEGORY);
        if (!List.of(logger.getHandlers()).contains(INSTANCE)) {
            logger.addHandler(INSTANCE);
        }
        return INSTANCE;
    }

    /** The latest code sent to {@code phone}. */
    public String lastCode(String phone) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher m = CODE.matcher(lines.get(i));
            if (m.find() && m.group(1).equals(phone)) {
                return m.group(2);
            }
        }
        throw new AssertionError("No code was sent to " + phone);
    }

    /** Signs {@code phone} in to the merchant with a code by SMS; the member's access token. */
    public static String memberToken(Merchants.Merchant merchant, String phone) {
        SmsInbox inbox = open();
        io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("merchant", merchant.slug(), "phone", phone))
                .post("/api/member/auth/sms-codes").then().statusCode(202);
        return io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("merchant", merchant.slug(), "phone", phone, "code", inbox.lastCode(phone)))
                .post("/api/member/auth/sms-login").then().statusCode(200).extract().path("accessToken");
    }

    @Override
    public void publish(LogRecord record) {
        String message = record.getParameters() == null || record.getParameters().length == 0 ? record.getMessage()
                : String.format(record.getMessage(), record.getParameters());
        lines.add(message);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
