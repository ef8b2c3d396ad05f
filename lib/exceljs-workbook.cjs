// exceljs with its Workbook class alone, for Node (package.json "imports":
// "#exceljs"). The package's entry also loads its streaming reader and writer
// (unzipper and their dependencies): about 0.1 s of module loading that
// writing or reading a whole workbook never uses. Browsers get the package's
// own bundle.
module.exports = { Workbook: require('exceljs/lib/doc/workbook.js') };
