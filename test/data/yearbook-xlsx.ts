/** An XLSX as yearbook / EPS exports come: a notes sheet first, a merged title row above the header. */
import ExcelJS from 'exceljs';

export async function yearbookXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('说明');
  notes.addRow(['数据来源：国家统计局']);
  notes.addRow(['单位：亿元']);
  const ws = wb.addWorksheet('数据');
  ws.addRow(['2013—2022 年各省主要指标']);
  ws.mergeCells('A1:D1');
  ws.addRow(['省份', '年份', 'GDP', '专利']);
  ws.addRow(['北京', 2021, 40269.6, 19.9]);
  ws.addRow(['北京', 2022, 41610.9, 20.3]);
  ws.addRow(['上海', 2021, 43214.9, 17.9]);
  ws.addRow(['上海', 2022, 44652.8, 17.7]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
