"""Writes an SKB table as a workbook with openpyxl (PyPI), a spreadsheet writer used in
the field: a title row merged across, a row-number column, scores as number cells, IPK
as decimals and birth dates as date cells. The Swift test reads it back through Terbuka.

Usage: python3 make_workbook.py OUT.xlsx
"""
import datetime
import sys

import openpyxl

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Nilai SKB"
ws.append(["DAFTAR NILAI SELEKSI KOMPETENSI BIDANG"])
ws.merge_cells("A1:H1")
ws.append(["No.", "Nomor Peserta", "Nama", "Kode Formasi", "Nilai SKB", "Keterangan", "IPK", "Tanggal Lahir"])
ws.append([1, "2024000000011", "ANI", "U2", 80.25, None, 3.5, datetime.date(1995, 3, 2)])
ws.append([2, "2024000000012", "BUDI", "U2", 80.25, None, 3.5, datetime.date(1994, 12, 31)])
ws.append([3, "2024000000013", "CICI", "U2", None, "TH", 3.1, datetime.date(1996, 1, 1)])
wb.save(sys.argv[1])
