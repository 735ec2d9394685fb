/**
 * Trunk provisioning: the trunk's categories per driver, the diff against what the file holds, the numbered
 * {@code UpdateConfig} commands and {@code Reload} that carry it (Asterisk main/manager.c {@code action_updateconfig},
 * {@code handle_updates}), the dry-run and drop-in renderings, and execution with rollback. Only categories named
 * after the trunk ({@link com.securetrunk.ami.provision.ManagedNames}) are ever touched.
 */
package com.securetrunk.ami.provision;
