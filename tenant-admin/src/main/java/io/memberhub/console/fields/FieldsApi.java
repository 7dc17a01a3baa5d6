package io.memberhub.console.fields;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.memberhub.console.platform.ChosenMerchantHeader;
import io.memberhub.console.platform.PlatformProblems;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The platform's custom member field API (staff read; owners and admins define), with the signed-in person's token. */
@RegisterRestClient(configKey = "platform")
@AccessToken
@RegisterClientHeaders(ChosenMerchantHeader.class)
@RegisterProvider(PlatformProblems.class)
@Path("/api/v1")
public interface FieldsApi {

    /** A field definition as the platform answers it and takes it ({@code key} and type fixed once created). */
    record Field(String key, String label, String type, boolean required, String defaultValue, List<String> options,
                 @JsonProperty("private") boolean privateField, Integer position, String pluginType) {

        public Field {
            options = options == null ? List.of() : options;
        }
    }

    /** The platform's own field types, and those of the merchant's enabled plugins (type PLUGIN with {@code pluginType}). */
    record Types(List<String> builtIn, List<PluginType> plugins) {

        public Types {
            builtIn = builtIn == null ? List.of() : builtIn;
            plugins = plugins == null ? List.of() : plugins;
        }
    }

    record PluginType(String pluginType, String description) {
    }

    @GET
    @Path("/member-fields")
    List<Field> fields();

    @GET
    @Path("/member-fields/{key}")
    Field field(@PathParam("key") String key);

    @POST
    @Path("/member-fields")
    Field create(Field field);

    @PUT
    @Path("/member-fields/{key}")
    Field update(@PathParam("key") String key, Field field);

    @DELETE
    @Path("/member-fields/{key}")
    void delete(@PathParam("key") String key);

    @GET
    @Path("/member-field-types")
    Types types();
}
