package com.securetrunk.gateway.app;

import com.securetrunk.profiles.Profile;
import com.securetrunk.profiles.ProfileCatalog;
import com.securetrunk.profiles.load.LoadResult;
import com.securetrunk.profiles.load.ProfileLoader;
import com.securetrunk.profiles.hocon.ConfigProblem;
import com.securetrunk.profiles.load.ProfileWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code securetrunk profiles list|show|validate}: the compatibility profiles, for operators. */
@Command(name = "profiles", description = "List, show and validate compatibility profiles.",
        mixinStandardHelpOptions = true,
        subcommands = {ProfilesCommand.ListProfiles.class, ProfilesCommand.ShowProfile.class,
                ProfilesCommand.ValidateProfile.class})
public final class ProfilesCommand implements Runnable {

    /** Exit status of {@code validate} when the file has problems. */
    public static final int EXIT_INVALID = 2;
    /** Exit status when the user directory has problems or a profile is unknown. */
    public static final int EXIT_ERROR = 1;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Shared {@code --profiles-dir} option: user profiles on top of the built-ins. */
    static final class UserDirectory {
        @Option(names = "--profiles-dir", paramLabel = "DIR",
                description = "Directory of your own profiles (*.conf), merged over the built-ins.")
        Path directory;

        /** Loads the catalog; prints problems to err and returns empty when there are any. */
        Optional<ProfileCatalog> load(PrintWriter err) {
            LoadResult r = ProfileLoader.load(Optional.ofNullable(directory));
            if (!r.valid()) {
                r.problems().forEach(err::println);
                return Optional.empty();
            }
            return Optional.of(r.catalog());
        }
    }

    @Command(name = "list", description = "Name, family and a one-line description of every profile.",
            mixinStandardHelpOptions = true)
    static final class ListProfiles implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @picocli.CommandLine.Mixin
        UserDirectory dir = new UserDirectory();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Optional<ProfileCatalog> catalog = dir.load(spec.commandLine().getErr());
            if (catalog.isEmpty()) {
                return EXIT_ERROR;
            }
            int width = catalog.get().names().stream().mapToInt(String::length).max().orElse(4);
            out.printf("%-" + width + "s  %-8s  %s%n", "NAME", "FAMILY", "DESCRIPTION");
            for (Profile p : catalog.get().all()) {
                out.printf("%-" + width + "s  %-8s  %s%s%n", p.name(), p.family().configName(),
                        p.identity().description(), p.builtIn() ? "" : " [" + p.source() + "]");
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "show", description = "The resolved profile (inheritance applied) as HOCON, with its notes.",
            mixinStandardHelpOptions = true)
    static final class ShowProfile implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @picocli.CommandLine.Mixin
        UserDirectory dir = new UserDirectory();
        @Parameters(paramLabel = "NAME", description = "Profile name, as `profiles list` shows it.")
        String name;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Optional<ProfileCatalog> catalog = dir.load(err);
            if (catalog.isEmpty()) {
                return EXIT_ERROR;
            }
            Optional<Profile> p = catalog.get().find(name);
            if (p.isEmpty()) {
                err.println("no profile named '" + name + "'; known profiles: "
                        + String.join(", ", catalog.get().names()));
                err.flush();
                return EXIT_ERROR;
            }
            spec.commandLine().getOut().print(ProfileWriter.write(p.get()));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check a profile file. Exit 0 when valid; otherwise exit 2 and print one line per problem:",
                    "FILE:LINE: KEY: expected FORM, found VALUE. Its parent may be a built-in or a file beside it."})
    static final class ValidateProfile implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "FILE", description = "The profile file (NAME.conf).")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            LoadResult r = ProfileLoader.validateFile(file);
            if (!r.valid()) {
                for (ConfigProblem p : r.problems()) {
                    out.println(p);
                }
                out.flush();
                return EXIT_INVALID;
            }
            Profile p = r.catalog().get(ProfileLoader.profileNameOf(file));
            out.println(file + ": valid profile '" + p.name() + "'"
                    + p.parent().map(x -> " (extends " + x + ")").orElse(""));
            out.flush();
            return 0;
        }
    }
}
