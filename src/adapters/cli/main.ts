import { Command } from 'commander';
const program = new Command();
program.name('xinzhi').description('hello');
program.command('hi').action(() => console.log('hi'));
await program.parseAsync(process.argv);
