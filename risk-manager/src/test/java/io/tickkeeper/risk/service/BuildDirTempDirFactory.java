package io.tickkeeper.risk.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/** Puts a test's {@code @TempDir} under target/test-tmp, so journals and snapshots stay in the build dir. */
public final class BuildDirTempDirFactory implements TempDirFactory
{
    @Override
    public Path createTempDirectory(
        final AnnotatedElementContext elementContext, final ExtensionContext extensionContext) throws IOException
    {
        final Path root = Files.createDirectories(Path.of("target", "test-tmp"));
        return Files.createTempDirectory(root, "junit-");
    }
}
