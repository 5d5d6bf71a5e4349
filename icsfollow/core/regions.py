"""Zones that lie in exactly one region, and the region whose public holidays apply there.

Data only: ``Australia/Sydney`` keeps New South Wales' holidays, not just Australia's.
A zone shared by several regions (``America/New_York``, ``Europe/Berlin``) is not
listed; its country's nationwide holidays apply unless ``--country`` names a region.
"""

from __future__ import annotations

__all__ = ["ZONE_REGIONS", "region_of_zone"]

ZONE_REGIONS: dict[str, str] = {
    "Australia/Sydney": "AU-NSW",
    "Australia/Broken_Hill": "AU-NSW",
    "Australia/Lord_Howe": "AU-NSW",
    "Australia/Melbourne": "AU-VIC",
    "Australia/Brisbane": "AU-QLD",
    "Australia/Lindeman": "AU-QLD",
    "Australia/Adelaide": "AU-SA",
    "Australia/Darwin": "AU-NT",
    "Australia/Perth": "AU-WA",
    "Australia/Eucla": "AU-WA",
    "Australia/Hobart": "AU-TAS",
    "America/Phoenix": "US-AZ",
    "Pacific/Honolulu": "US-HI",
    "America/Anchorage": "US-AK",
    "America/Juneau": "US-AK",
    "America/Sitka": "US-AK",
    "America/Yakutat": "US-AK",
    "America/Nome": "US-AK",
    "America/Metlakatla": "US-AK",
    "America/Adak": "US-AK",
    "America/Boise": "US-ID",
    "America/Detroit": "US-MI",
    "America/Menominee": "US-MI",
    "America/Indiana/Indianapolis": "US-IN",
    "America/Indiana/Knox": "US-IN",
    "America/Indiana/Marengo": "US-IN",
    "America/Indiana/Petersburg": "US-IN",
    "America/Indiana/Tell_City": "US-IN",
    "America/Indiana/Vevay": "US-IN",
    "America/Indiana/Vincennes": "US-IN",
    "America/Indiana/Winamac": "US-IN",
    "America/Kentucky/Louisville": "US-KY",
    "America/Kentucky/Monticello": "US-KY",
    "America/North_Dakota/Beulah": "US-ND",
    "America/North_Dakota/Center": "US-ND",
    "America/North_Dakota/New_Salem": "US-ND",
    "America/Vancouver": "CA-BC",
    "America/Regina": "CA-SK",
    "America/Swift_Current": "CA-SK",
    "America/St_Johns": "CA-NL",
    "America/Goose_Bay": "CA-NL",
    "America/Moncton": "CA-NB",
    "America/Glace_Bay": "CA-NS",
    "America/Whitehorse": "CA-YT",
    "America/Dawson": "CA-YT",
    "America/Iqaluit": "CA-NU",
}


def region_of_zone(zone: str) -> str | None:
    """Return ``CC-REGION`` for a zone that lies in one region only, else None."""
    return ZONE_REGIONS.get(zone)
