package io.memberhub.gateclient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference gate on the command line:
 * <pre>
 * java -jar gate-client.jar [options] sync               download and verify the zone's allow-list
 * java -jar gate-client.jar [options] check CREDENTIAL   a member code, or card:ID; exit 0 ALLOW, 1 DENY
 * java -jar gate-client.jar [options] upload             send the check-ins made offline
 * java -jar gate-client.jar [options] status             allow-list and queue
 * </pre>
 * Options (or environment variables): {@code --api} (GATE_API), {@code --token-url} (GATE_TOKEN_URL),
 * {@code --client-id} (GATE_CLIENT_ID), {@code --client-secret} (GATE_CLIENT_SECRET), {@code --state}
 * (GATE_STATE, default {@code ./gate-state}), {@code --timeout-ms} (GATE_TIMEOUT_MS, default 1500).
 */
public final class GateCli {

    private GateCli() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                words.add(args[i]);
            }
        }
        if (words.isEmpty()) {
            usage("say what to do: sync, check CREDENTIAL, upload or status");
        }
        GateClient gate = new GateClient(new GateClient.Settings(URI.create(option(options, "api", "GATE_API", null)),
                URI.create(option(options, "token-url", "GATE_TOKEN_URL", null)), option(options, "client-id", "GATE_CLIENT_ID", null),
                option(options, "client-secret", "GATE_CLIENT_SECRET", null), Path.of(option(options, "state", "GATE_STATE", "gate-state")),
                Duration.ofMillis(Long.parseLong(option(options, "timeout-ms", "GATE_TIMEOUT_MS", "1500")))));
        try {
            switch (words.getFirst()) {
                case "sync" -> {
                    AllowList list = gate.sync();
                    System.out.printf("Allow-list of zone %s: %d members, valid until %s (signature checked)%n", list.zone(), list.size(),
                            list.validUntil());
                }
                case "check" -> {
                    if (words.size() != 2) {
                        usage("check takes one credential: a member code or card:ID");
                    }
                    GateAnswer answer = gate.check(words.get(1));
                    System.out.printf("%s %s (%s)%s%n", answer.verdict(), answer.reason(), answer.message(),
                            answer.online() ? "" : " [decided offline; queued for upload]");
                    System.exit(answer.allowed() ? 0 : 1);
                }
                case "upload" -> {
                    GateClient.Upload upload = gate.upload();
                    System.out.printf("Uploaded: %d recorded, %d already known, %d still queued%n", upload.recorded(), upload.duplicates(),
                            upload.remaining());
                }
                case "status" -> System.out.printf("%d check-ins queued for upload%n", gate.pending());
                default -> usage("unknown command " + words.getFirst());
            }
        } catch (GateClient.Refused e) {
            System.err.println(e.getMessage());
            System.err.println("Check the gate's credentials and that the merchant registered this device as a gate "
                    + "(PUT /api/v1/ext/gate-api/gates/{gateId}).");
            System.exit(3);
        } catch (java.io.IOException e) {
            System.err.println("The platform cannot be reached (" + e + "); try again when the network is back.");
            System.exit(4);
        }
    }

    private static String option(Map<String, String> options, String name, String env, String fallback) {
        String value = options.getOrDefault(name, System.getenv(env));
        if (value == null) {
            value = fallback;
        }
        if (value == null) {
            usage("--" + name + " (or " + env + ") is required");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println("gate-client: " + problem);
        System.err.println("usage: java -jar gate-client.jar --api URL --token-url URL --client-id ID --client-secret SECRET"
                + " [--state DIR] [--timeout-ms N] sync | check CREDENTIAL | upload | status");
        System.exit(2);
    }
}
