package io.github.iscworkflows.deploy;

import com.google.gson.JsonObject;
import io.github.iscworkflows.client.IscException;
import java.util.List;

/** Source of the tenant's copies of local workflows: one full listing, or one lookup per workflow. */
interface RemoteIndex {

    /** Returns the workflow with this id, or null when there is none (also for a null id). */
    JsonObject byId(String id) throws IscException;

    /** Returns the workflows with exactly this name. */
    List<JsonObject> byName(String name) throws IscException;
}
