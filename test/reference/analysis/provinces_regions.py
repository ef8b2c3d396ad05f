"""Four-region grouping of China's 31 provinces (National Bureau of Statistics:
East 10, Central 6, West 12, Northeast 3), used by the reference scripts to
group the embedded province panel. Independent of xinzhi's own table."""
import csv
import os

REGION = {}
for p in ["Beijing", "Tianjin", "Hebei", "Shanghai", "Jiangsu", "Zhejiang", "Fujian", "Shandong", "Guangdong", "Hainan"]:
    REGION[p] = "East"
for p in ["Shanxi", "Anhui", "Jiangxi", "Henan", "Hubei", "Hunan"]:
    REGION[p] = "Central"
for p in ["Inner Mongolia", "Guangxi", "Chongqing", "Sichuan", "Guizhou", "Yunnan", "Tibet", "Shaanxi", "Gansu", "Qinghai", "Ningxia", "Xinjiang"]:
    REGION[p] = "West"
for p in ["Liaoning", "Jilin", "Heilongjiang"]:
    REGION[p] = "Northeast"

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
PANEL = os.path.join(ROOT, "data", "province-panel", "province_panel_2013_2022.csv")


def province_panel(column):
    """Rows (year, province, region, value) of one column of the embedded panel."""
    with open(PANEL, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [(int(r["Year"]), r["Province"], REGION[r["Province"]], float(r[column])) for r in rows]
