package com.securetrunk.testpbx.asterisk;

import com.securetrunk.testpbx.ami.AmiMessage;
import com.securetrunk.testpbx.ami.AmiResponses;
import com.securetrunk.testpbx.ami.AmiSession;
import java.util.Locale;
import java.util.Optional;

/** GetConfig, UpdateConfig, Reload and ModuleLoad (manager.c {@code action_getconfig} ... {@code manager_moduleload}). */
final class ConfigActions {

    private final SimulatedAsterisk pbx;

    ConfigActions(SimulatedAsterisk pbx) {
        this.pbx = pbx;
    }

    /**
     * {@code Category-NNNNNN: name} then {@code Line-NNNNNN-MMMMMM: var=value} (line counter restarts per
     * category); a category filter that matches nothing adds the bare line {@code No categories found}.
     */
    void getConfig(AmiSession s, AmiMessage m) {
        String filename = m.get("Filename");
        if (filename.isBlank()) {
            s.send(AmiResponses.error(m, "Filename not specified"));
            return;
        }
        Optional<ConfigFile> file = pbx.configs().snapshot(filename);
        if (file.isEmpty()) {
            s.send(AmiResponses.error(m, "Config file not found"));
            return;
        }
        String wanted = m.get("Category");
        StringBuilder raw = new StringBuilder("Response: Success\r\n");
        if (!m.get("ActionID").isEmpty()) {
            raw.append("ActionID: ").append(m.get("ActionID")).append("\r\n");
        }
        int catCount = 0;
        for (ConfigCategory c : file.get().categories()) {
            if (!wanted.isEmpty() && !c.name().equalsIgnoreCase(wanted)) {
                continue;
            }
            raw.append(String.format(Locale.ROOT, "Category-%06d: %s\r\n", catCount, c.name()));
            int lineCount = 0;
            for (ConfigVariable v : c.variables()) {
                raw.append(String.format(Locale.ROOT, "Line-%06d-%06d: %s=%s\r\n", catCount, lineCount++,
                        v.name(), v.value()));
            }
            catCount++;
        }
        if (!wanted.isEmpty() && catCount == 0) {
            raw.append("No categories found\r\n");
        }
        raw.append("\r\n");
        s.sendRaw(raw.toString());
    }

    /**
     * Applies the numbered changes to a copy of {@code SrcFilename}; only if all succeed is the result saved as
     * {@code DstFilename}. Then {@code Reload}: a true value reloads everything, another non-false value names a
     * module.
     */
    void updateConfig(AmiSession s, AmiMessage m) {
        String src = m.get("SrcFilename");
        String dst = m.get("DstFilename");
        if (src.isBlank() || dst.isBlank()) {
            s.send(AmiResponses.error(m, "Filename not specified"));
            return;
        }
        Optional<ConfigFile> source = pbx.configs().snapshot(src);
        if (source.isEmpty()) {
            s.send(AmiResponses.error(m, "Config file not found"));
            return;
        }
        ConfigFile work = source.get().copy(dst.trim());
        Optional<ConfigUpdateError> error = ConfigUpdater.apply(work, m);
        if (error.isPresent()) {
            s.send(AmiResponses.error(m, error.get().message()));
            return;
        }
        pbx.configs().save(work);
        s.send(AmiResponses.success(m, null));
        String reload = m.get("Reload").trim();
        if (!reload.isEmpty() && !isFalse(reload)) {
            pbx.reload(CliCommands.isTrue(reload) ? null : reload);
        }
    }

    /** {@code action_reload}: {@code Message: Module Reloaded} or the loader's error. */
    void reload(AmiSession s, AmiMessage m) {
        String module = m.get("Module").trim();
        String name = module.isEmpty() ? null : module;
        ReloadResult r = pbx.reloadWithoutEvent(name);
        s.send(r.ok() ? AmiResponses.success(m, r.reloadMessage()) : AmiResponses.error(m, r.reloadMessage()));
        pbx.publishReloadEvent(name, r);
    }

    /**
     * {@code manager_moduleload}. Only {@code LoadType: reload} does something here; load/unload answer as a
     * running Asterisk does for an already loaded module set (the simulator's module set is fixed).
     */
    void moduleLoad(AmiSession s, AmiMessage m) {
        String loadType = m.get("LoadType").trim().toLowerCase(Locale.ROOT);
        String module = m.get("Module").trim();
        if (loadType.isEmpty()) {
            s.send(AmiResponses.error(m, "Incomplete ModuleLoad action."));
            return;
        }
        if (pbx.personality().moduleLoadChecksModulesDir() && !module.isEmpty()
                && pbx.modules().stream().noneMatch(mod -> mod.resource().equals(module))) {
            // realpath() of <modules dir>/<Module> fails: the file name must be exact, ".so" included.
            s.send(AmiResponses.error(m, "Module not found."));
            return;
        }
        switch (loadType) {
            case "reload":
                if (module.isEmpty()) {
                    ReloadResult all = pbx.reloadWithoutEvent(null);
                    s.send(AmiResponses.success(m, "All modules reloaded"));
                    pbx.publishReloadEvent(null, all);
                    return;
                }
                ReloadResult r = pbx.reloadWithoutEvent(module);
                s.send(r.ok() ? AmiResponses.success(m, r.moduleLoadMessage())
                        : AmiResponses.error(m, r.moduleLoadMessage()));
                pbx.publishReloadEvent(module, r);
                return;
            case "load":
            case "unload":
                if (module.isEmpty()) {
                    s.send(AmiResponses.error(m, "Need module name"));
                    return;
                }
                s.send(AmiResponses.error(m, "Could not " + loadType + " module."));
                return;
            default:
                s.send(AmiResponses.error(m, "Incomplete ModuleLoad action."));
        }
    }

    /** {@code ast_false}: no, false, n, f, 0, off (case-insensitive). */
    static boolean isFalse(String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        return s.equals("no") || s.equals("false") || s.equals("n") || s.equals("f") || s.equals("0")
                || s.equals("off");
    }
}
