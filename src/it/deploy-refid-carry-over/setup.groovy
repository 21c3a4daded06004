import com.google.gson.JsonParser
import io.github.iscworkflows.emulator.EmulatorOptions
import io.github.iscworkflows.emulator.IscEmulator
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Path

def seed = Path.of(basedir.path, '../../../docs/quickstart/emulator/fresh-tenant.json').normalize()
def emulator = IscEmulator.start(EmulatorOptions.builder().stateFile(seed).build())
context.put('emulator', emulator)

// An older version of the workflow, created through the API: it has no refID yet.
def earlier = JsonParser.parseString('''{
  "name": "Quickstart - Notify Ticketing",
  "description": "First version.",
  "definition": {"start": "Open Ticket", "steps": {
    "Open Ticket": {"actionId": "sp:http", "type": "action", "nextStep": "success", "attributes": {
      "method": "post", "url": "https://ticketing.example.com/api/v1/tickets",
      "param_authenticationRef": "oauth",
      "param_oauth": {"paramID": "4b7f2c1e-0d5a-4e8b-9a61-3c2f7d9e8a10", "paramType": "2.1"}}},
    "success": {"type": "success"}}},
  "trigger": {"type": "EVENT", "attributes": {"id": "idn:identity-attributes-changed"}}
}''').getAsJsonObject()
def id = emulator.state().putWorkflow(earlier).get('id').getAsString()

// What a person does once in the ISC UI: disable and enable the workflow.
def response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("${emulator.url()}/emulator/workflows/${id}/ui-toggle"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString())
assert response.statusCode() == 200
def refId = JsonParser.parseString(response.body()).getAsJsonObject()
        .getAsJsonObject('definition').getAsJsonObject('steps').getAsJsonObject('Open Ticket')
        .getAsJsonObject('attributes').getAsJsonObject('param_oauth').get('refID').getAsString()
context.put('workflowId', id)
context.put('refId', refId)

new File(basedir, 'test.properties').text = "isc.url=${emulator.url()}\nisc.clientId=emulator\nisc.clientSecret=emulator\n"
return true
