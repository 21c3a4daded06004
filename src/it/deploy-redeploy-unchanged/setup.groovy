import io.github.iscworkflows.emulator.EmulatorOptions
import io.github.iscworkflows.emulator.IscEmulator
import java.nio.file.Path

// The emulator runs in the invoker's JVM so that verify.groovy can read its request counts.
def seed = Path.of(basedir.path, '../../../docs/quickstart/emulator/fresh-tenant.json').normalize()
def emulator = IscEmulator.start(EmulatorOptions.builder().stateFile(seed).build())
context.put('emulator', emulator)
new File(basedir, 'test.properties').text = "isc.url=${emulator.url()}\nisc.clientId=emulator\nisc.clientSecret=emulator\n"
return true
