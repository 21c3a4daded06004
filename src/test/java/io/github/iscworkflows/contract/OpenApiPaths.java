package io.github.iscworkflows.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Path, pointer and media type helpers of {@link OpenApiContract}. */
final class OpenApiPaths {

    private static final Pattern VERSION_PREFIX = Pattern.compile("^/(v\\d+|beta)(?=/)");

    private OpenApiPaths() {}

    static boolean templateMatches(String template, String path) {
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            boolean variable = expected[i].startsWith("{") && expected[i].endsWith("}");
            if (variable ? actual[i].isEmpty() : !expected[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }

    static String stripVersion(String path) {
        return VERSION_PREFIX.matcher(path).replaceFirst("");
    }

    static String stripQuery(String path) {
        int question = path.indexOf('?');
        return question < 0 ? path : path.substring(0, question);
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    static Path firstDocumentIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().matches(".*\\.(ya?ml|json)$"))
                    .sorted()
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No .yaml, .yml or .json file in " + folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
