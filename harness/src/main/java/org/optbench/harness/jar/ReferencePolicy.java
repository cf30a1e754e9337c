package org.optbench.harness.jar;

import java.util.Optional;

/**
 * What a submission may reference: its own classes ({@link JarClasses}) and what the allow-list names
 * ({@link AllowList}), minus what the deny-list forbids ({@link ForbiddenReferences}). The deny-list is asked first
 * so that a finding says why ({@code files}, {@code threads}, ...); anything else off the allow-list is
 * {@link Rule#NOT_ALLOWED}. Names are JVM internal names; array types are judged by their element type.
 */
final class ReferencePolicy {
    /**
     * A broken rule, and the class the member was judged on when that is not the class the reference names: the
     * JDK or ND4J class a member of the jar's own class is inherited from ({@code null} otherwise).
     */
    record Breach(Rule rule, String inheritedFrom) {
    }

    private final ForbiddenReferences forbidden;
    private final AllowList allowed;
    private final JarClasses own;

    ReferencePolicy(ForbiddenReferences forbidden, AllowList allowed, JarClasses own) {
        this.forbidden = forbidden;
        this.allowed = allowed;
        this.own = own;
    }

    /** Whether the class (an internal name) is one the jar defines itself. */
    boolean isOwn(String internalName) {
        return own.defines(internalName);
    }

    /** The rule naming a type (an internal name or array descriptor) breaks, if any. */
    Optional<Rule> type(String internalName) {
        String element = Descriptors.elementClass(internalName);
        if (element == null) {
            return Optional.empty();
        }
        Optional<Rule> denied = forbidden.type(element);
        if (denied.isPresent()) {
            return denied;
        }
        return own.defines(element) || allowed.allowsType(element) ? Optional.empty() : Optional.of(Rule.NOT_ALLOWED);
    }

    /** The first rule a type in a field or method descriptor breaks. */
    Optional<Rule> descriptorTypes(String descriptor) {
        for (String type : Descriptors.objectTypes(descriptor)) {
            Optional<Rule> rule = type(type);
            if (rule.isPresent()) {
                return rule;
            }
        }
        return Optional.empty();
    }

    /** The rule a call of (or handle to) {@code owner.name descriptor} breaks, if any. */
    Optional<Breach> method(String owner, String name, String descriptor) {
        return member(owner, name, descriptor, false);
    }

    /** The rule an access of field {@code owner.name} of type {@code descriptor} breaks, if any. */
    Optional<Breach> field(String owner, String name, String descriptor) {
        return member(owner, name, descriptor, true);
    }

    private Optional<Breach> member(String owner, String name, String descriptor, boolean isField) {
        // An array's members (clone, length) are Object's: only the element type and the descriptor matter.
        String element = Descriptors.elementClass(owner);
        if (element == null || owner.startsWith("[")) {
            Optional<Rule> rule = element == null ? Optional.empty() : type(element);
            return rule.or(() -> descriptorTypes(descriptor)).map(r -> new Breach(r, null));
        }
        if (own.defines(element)) {
            for (String from : own.inheritedFrom(element, name, isField ? null : descriptor)) {
                Optional<Rule> rule = outsideMember(from, name, descriptor, isField);
                if (rule.isPresent()) {
                    return Optional.of(new Breach(rule.get(), from));
                }
            }
            return descriptorTypes(descriptor).map(r -> new Breach(r, null));
        }
        return outsideMember(element, name, descriptor, isField).map(r -> new Breach(r, null));
    }

    /** A member of a class that is not the jar's: the deny-list, then the allow-list for the class and member. */
    private Optional<Rule> outsideMember(String owner, String name, String descriptor, boolean isField) {
        Optional<Rule> denied = isField ? forbidden.field(owner, name, descriptor)
                : forbidden.method(owner, name, descriptor);
        if (denied.isPresent()) {
            return denied;
        }
        if (!allowed.allowsMember(owner, name)) {
            return Optional.of(Rule.NOT_ALLOWED);
        }
        return descriptorTypes(descriptor);
    }
}
