import com.google.gson.JsonParser
import io.github.iscworkflows.emulator.EmulatorOptions
import io.github.iscworkflows.emulator.IscEmulator
import java.nio.file.Path

def seed = Path.of(basedir.path, '../../../docs/quickstart/emulator/fresh-tenant.json').normalize()
def emulator = IscEmulator.start(EmulatorOptions.builder().stateFile(seed).build())
context.put('emulator', emulator)

def workflowText = { String name, String refId -> """{
  "name": "${name}",
  "definition": {"start": "Open Ticket", "steps": {
    "Open Ticket": {"actionId": "sp:http", "type": "action", "nextStep": "success", "attributes": {
      "method": "post", "url": "https://ticketing.example.com/api/tickets",
      "param_authenticationRef": "oauth",
      "param_oauth": {"paramID": "4b7f2c1e-0d5a-4e8b-9a61-3c2f7d9e8a10", "paramType": "2.1"${refId ? ", \"refID\": \"" + refId + "\"" : ''}}}},
    "success": {"type": "success"}}},
  "trigger": {"type": "EVENT", "attributes": {"id": "idn:identity-attributes-changed"}}
}""" }

// The original gets a real reference record from the UI stand-in ...
def original = emulator.state().putWorkflow(JsonParser.parseString(workflowText('Ticketing Original', null)).getAsJsonObject())
def toggled = emulator.state().uiToggle(original.get('id').getAsString()).get()
def refId = toggled.getAsJsonObject('definition').getAsJsonObject('steps').getAsJsonObject('Open Ticket')
        .getAsJsonObject('attributes').getAsJsonObject('param_oauth').get('refID').getAsString()
// ... and the copy carries the same refID, which no record links to the copy.
emulator.state().putWorkflow(JsonParser.parseString(workflowText('Quickstart - Notify Ticketing', refId)).getAsJsonObject())
context.put('refId', refId)

new File(basedir, 'test.properties').text = "isc.url=${emulator.url()}\nisc.clientId=emulator\nisc.clientSecret=emulator\n"
return true
