package io.memberhub.platform.export;

import static org.awaitility.Awaitility.await;

import io.memberhub.platform.Merchants.Merchant;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** What an owner does to take the merchant's data home: ask for an export, wait for it, download and open it. */
final class Exports {

    private Exports() {
    }

    /** Asks for an export and waits until the worker finished it; the finished job, which must be DONE. */
    static JsonPath exportAndWait(Merchant m) {
        String id = m.asOwner().header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/exports")
                .then().statusCode(202).extract().path("id");
        return awaitDone(m, id);
    }

    static JsonPath awaitDone(Merchant m, String id) {
        JsonPath job = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> m.asOwner().get("/api/v1/exports/" + id).then().statusCode(200).extract().jsonPath(),
                        j -> !j.getString("status").equals("QUEUED") && !j.getString("status").equals("RUNNING"));
        if (!job.getString("status").equals("DONE")) {
            throw new AssertionError("Export " + id + " ended " + job.getString("status") + ": " + job.getString("error"));
        }
        return job;
    }

    static byte[] download(Merchant m, String id) {
        return m.asOwner().accept("*/*").get("/api/v1/exports/" + id + "/archive")
                .then().statusCode(200).contentType("application/zip").extract().asByteArray();
    }

    /** The archive's files by name. */
    static Map<String, byte[]> unzip(byte[] archive) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
