package io.github.iscworkflows.deploy;

import io.github.iscworkflows.support.BuildLog;
import io.github.iscworkflows.workflow.SecretMasking;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * A log that replaces the literal secrets of the workflows being deployed with {@value SecretMasking#MASK}
 * before passing a line on, for text that may quote them, such as an error a tenant echoes. Thread-safe.
 */
final class SecretMaskingLog implements BuildLog {

    private final BuildLog delegate;
    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    SecretMaskingLog(BuildLog delegate) {
        this.delegate = delegate;
    }

    /** Masks these values from now on. */
    void addSecrets(Collection<String> values) {
        secrets.addAll(values);
    }

    /** {@code text} with every known secret masked. */
    String mask(String text) {
        return SecretMasking.maskText(text, secrets);
    }

    @Override
    public void debug(String message) {
        delegate.debug(mask(message));
    }

    @Override
    public void info(String message) {
        delegate.info(mask(message));
    }

    @Override
    public void warn(String message) {
        delegate.warn(mask(message));
    }

    @Override
    public boolean isDebugEnabled() {
        return delegate.isDebugEnabled();
    }
}
