"""Team stints the roster had a season off, pinned to the published facts that corrected them.

The transfer extractor trusts a rider's team at publication, so each case here is one where
the old stint would have blocked a real move or invented one.
"""

from __future__ import annotations

from datetime import date

import pytest

from feeds.roster import Person, Roster, bundled_roster


@pytest.fixture(scope="module")
def roster() -> Roster:
    return bundled_roster()


def person(roster: Roster, name: str) -> Person:
    found = [p for p in roster.people.values() if p.name == name]
    assert len(found) == 1, f"{name}: {len(found)} entries"
    return found[0]


def mid(season: int) -> date:
    return date(season, 6, 1)


@pytest.mark.parametrize(
    ("name", "season", "team_id"),
    [
        # Signed in August 2022 for 2023 (UAE announcement, two-year deal).
        ("Domen Novak", 2022, "bahrain"),
        ("Domen Novak", 2023, "uae"),
        # Two seasons at Sport Vlaanderen-Baloise, Intermarché-Wanty from 2023, UAE from 2025.
        ("Rune Herregodts", 2022, "flanders-baloise"),
        ("Rune Herregodts", 2023, "intermarche"),
        # Left Alpecin-Deceuninck after one season for UAE (2023-2024), Q36.5 from 2025.
        ("Sjoerd Bax", 2024, "uae"),
        ("Sjoerd Bax", 2025, "q36-5"),
        # Groupama-FDJ until 2024; Tudor announced him in August 2024 for 2025.
        ("Fabian Lienhard", 2024, "groupama-fdj"),
        ("Fabian Lienhard", 2025, "tudor"),
        # Ineos from 2022 after four seasons at Astana.
        ("Omar Fraile", 2021, "astana"),
        ("Omar Fraile", 2022, "ineos"),
        # Bahrain Victorious 2022-2024, Jayco AlUla from 2025.
        ("Jasha Sütterlin", 2024, "bahrain"),
        ("Jasha Sütterlin", 2025, "jayco"),
        # Joined Cofidis at the start of 2022 from Intermarché-Circus-Wanty.
        ("Wesley Kreder", 2021, "intermarche"),
        ("Wesley Kreder", 2022, "cofidis"),
        # Eight years at Intermarché-Wanty, Q36.5 from 2023 on a two-year deal.
        ("Tom Devriendt", 2022, "intermarche"),
        ("Tom Devriendt", 2023, "q36-5"),
        # Fundación Euskadi for 2020 after five Movistar seasons; Cofidis from 2021.
        ("Rubén Fernández", 2020, "euskaltel"),
        ("Rubén Fernández", 2021, "cofidis"),
        # Eolo-Kometa from 2021 after five seasons at Androni.
        ("Francesco Gavazzi", 2021, "polti"),
        # Left Cofidis after eleven seasons for a two-year deal at Arkéa-Samsic.
        ("Nicolas Edet", 2022, "arkea"),
        # Sunweb/DSM to the end of 2021, then two seasons at Jumbo-Visma.
        ("Coryn Labecki", 2021, "picnic-postnl-women"),
        ("Coryn Labecki", 2022, "visma-women"),
        # Jumbo-Visma 2021-2022, AG Insurance-Soudal Quick-Step 2023, Human Powered Health 2024-.
        ("Romy Kasper", 2023, "ag-insurance-soudal-women"),
        ("Romy Kasper", 2024, "human-powered-health-women"),
        # One season at Cofidis, EF-Oatly-Cannondale from 2025.
        ("Sarah Roy", 2024, "cofidis-women"),
        ("Sarah Roy", 2025, "ef-cannondale-women"),
        # Three years at BikeExchange/Jayco from 2021, Laboral Kutxa from 2024.
        ("Ane Santesteban", 2021, "liv-alula-jayco-women"),
        ("Ane Santesteban", 2024, "laboral-kutxa-women"),
        # Bingoal 2021-2022; the later continental team is not a roster team.
        ("Timothy Dupont", 2021, "bingoal"),
        ("Timothy Dupont", 2023, None),
        # Four seasons at Arkéa-Samsic from mid-2019; INEOS announced him in September 2022.
        ("Connor Swift", 2022, "arkea"),
        ("Connor Swift", 2023, "ineos"),
        # EF 2020-2022; broke the last year of that contract for Movistar from 2023.
        ("Ruben Guerreiro", 2022, "ef"),
        ("Ruben Guerreiro", 2023, "movistar"),
        # One season at EF, then Uno-X from the 2021 season.
        ("Kristoffer Halvorsen", 2021, "uno-x"),
        # Six years at Astana, then a one-season deal with Alpecin-Fenix for 2021.
        ("Laurens De Vreese", 2021, "alpecin"),
        # Astana from the Tour de Pologne 2022 after Gazprom-RusVelo lost its licence.
        ("Christian Scaroni", 2022, "astana"),
        # UAE 2020-2021, Astana 2022-2023.
        ("Joe Dombrowski", 2022, "astana"),
        # Sport Vlaanderen-Baloise from 2018, Alpecin from 2023 on a contract to the end of 2025.
        ("Robbe Ghys", 2022, "flanders-baloise"),
        ("Robbe Ghys", 2023, "alpecin"),
        # Bingoal from 2020, Lotto Dstny from 2023 on a two-season deal.
        ("Arjen Livyns", 2022, "bingoal"),
        ("Arjen Livyns", 2023, "lotto"),
        # Trek-Segafredo 2018-2021, Gazprom-RusVelo in 2022, Alpecin's ProTeam from 2023.
        ("Nicola Conci", 2021, "lidl-trek"),
        ("Nicola Conci", 2023, "alpecin"),
        # Lotto Soudal to the end of 2020, one season at Liv Racing, SD Worx from 2022.
        ("Lotte Kopecky", 2020, "lotto-women"),
        ("Lotte Kopecky", 2021, "liv-racing-women"),
        # Cofidis 2022-2024, AG Insurance-Soudal on a two-year deal from 2025.
        ("Alana Castrique", 2024, "cofidis-women"),
        ("Alana Castrique", 2025, "ag-insurance-soudal-women"),
        # Liv Racing from June 2022 and in 2023, Lotto Dstny 2024, Human Powered Health 2025-2026.
        ("Thalita de Jong", 2023, "liv-racing-women"),
        ("Thalita de Jong", 2025, "human-powered-health-women"),
        # Groupama-FDJ for 2022 and 2023 after turning pro at Arkéa in 2018.
        ("Bram Welten", 2021, "arkea"),
        ("Bram Welten", 2022, "groupama-fdj"),
        # Two seasons at Intermarché, then a one-year deal with Arkéa-B&B Hotels for 2024.
        ("Laurens Huys", 2024, "arkea"),
        # Astana's development team in 2022, a neo-pro on the WorldTeam from 2023.
        ("Gianmarco Garofoli", 2022, None),
        # One of Alpecin-Fenix's recruits for 2021, from Bingoal-Wallonie Bruxelles.
        ("Lionel Taminiaux", 2020, None),
        # B&B Hotels 2020-2022, Burgos-BH in 2023, Groupama-FDJ from 2024.
        ("Cyril Barthe", 2023, "burgos"),
        ("Cyril Barthe", 2024, "groupama-fdj"),
        # Groupama-FDJ's recruits for 2024 and its departures after 2023.
        ("Rémy Rochas", 2023, "cofidis"),
        ("Clément Russo", 2023, "arkea"),
        ("Miles Scotson", 2023, "groupama-fdj"),
        ("Miles Scotson", 2024, "arkea"),
        # Seven straight years at AG2R, then TotalEnergies for 2026 instead of retiring.
        ("Geoffrey Bouchard", 2023, "decathlon-ag2r"),
        ("Geoffrey Bouchard", 2026, "totalenergies"),
        # Team Flanders-Baloise in 2025, Alpecin from 2026.
        ("Jonas Geens", 2025, "flanders-baloise"),
        ("Jonas Geens", 2026, "alpecin"),
        # Alpecin-Fenix's intake for 2022: Stannard from BikeExchange, Van den Bossche from
        # Sport Vlaanderen-Baloise.
        ("Robert Stannard", 2022, "alpecin"),
        ("Fabio Van den Bossche", 2021, "flanders-baloise"),
        # With Laboral Kutxa since 2021; never a Movistar rider.
        ("Usoa Ostolaza", 2024, "laboral-kutxa-women"),
        # Movistar's signings for 2022, from Caja Rural and Ineos.
        ("Oier Lazkano", 2022, "movistar"),
        ("Iván Sosa", 2021, "ineos"),
        # Two seasons at Gazprom-RusVelo before Astana from 2022.
        ("Simone Velasco", 2021, "gazprom"),
        # Arkéa-B&B Hotels' recruit for 2024 with Démare and Scotson.
        ("Clément Venturini", 2024, "arkea"),
        # B&B Hotels in 2022, Quick-Step's development team in 2023, its WorldTeam from 2024.
        ("Jordi Warlop", 2022, "b-b-hotels"),
        ("Jordi Warlop", 2024, "quick-step"),
        # An amateur season with VC Rouen 76 after B&B folded, Cofidis from 2024.
        ("Alexis Gougeard", 2023, None),
        ("Alexis Gougeard", 2024, "cofidis"),
        # Bingoal-Pauwels Sauces to Intermarché for 2023.
        ("Laurenz Rex", 2022, "bingoal"),
        ("Tom Paquot", 2023, "intermarche"),
        # Seven years at Caja Rural from 2016, Cofidis from 2023.
        ("Jonathan Lastra", 2022, "caja-rural"),
        # Promoted from Groupama-FDJ's development team on 1 January 2023.
        ("Lorenzo Germani", 2022, "groupama-fdj-conti"),
        # Four years at Sport Vlaanderen-Baloise, Alpecin from 2021.
        ("Edward Planckaert", 2020, "flanders-baloise"),
        # Five seasons at Astana, Movistar 2020-2021.
        ("Dario Cataldo", 2019, "astana"),
        # Cannondale/EF 2016-2020, Qhubeka in 2021.
        ("Simon Clarke", 2020, "ef"),
        # In AG Insurance-Soudal Quick-Step's team for the Ronde van Drenthe in March 2023.
        ("Maaike Boogaard", 2023, "ag-insurance-soudal-women"),
        # Five seasons at Ceratizit-WNT, Arkéa-B&B Hotels in 2025.
        ("Laura Asencio", 2024, "ceratizit-wnt-women"),
        ("Laura Asencio", 2025, "arkea-women"),
        # Announced by Cofidis in August 2024 for 2025, after three seasons at Movistar.
        ("Alex Aranburu", 2024, "movistar"),
        ("Alex Aranburu", 2025, "cofidis"),
        # Four seasons at Movistar, Alpecin-Deceuninck from 2024.
        ("Juri Hollmann", 2023, "movistar"),
        ("Juri Hollmann", 2024, "alpecin"),
        # Nine years at Team Flanders-Baloise, Alpecin from 2026.
        ("Lindsay De Vylder", 2026, "alpecin"),
        # A neo-pro at INEOS from 2023.
        ("Leo Hayter", 2022, None),
        # Israel Start-Up Nation's signings for 2021, and Israel-Premier Tech's for 2022.
        ("Carl Fredrik Hagen", 2020, None),
        ("Jakob Fuglsang", 2021, "astana"),
        ("Jakob Fuglsang", 2022, "israel-premier-tech"),
        ("Hugo Houle", 2021, "astana"),
        # Joins Alpecin-Premier Tech for 2026 after Israel-Premier Tech ended.
        ("Hugo Houle", 2026, "alpecin"),
        # Two years at NTT Pro Cycling, EF from 2021.
        ("Michael Valgren", 2020, "qhubeka"),
        ("Michael Valgren", 2021, "ef"),
        # Continental and ProTeam seasons 2019-2021, EF Education-Nippo from 2022.
        ("James Shaw", 2021, None),
        ("James Shaw", 2022, "ef"),
        # Groupama-FDJ's signings for 2022 and 2023, from DSM and B&B Hotels.
        ("Michael Storer", 2021, "dsm"),
        ("Quentin Pacher", 2018, "b-b-hotels"),
        # One season at Intermarché, then Uno-X on a three-year deal from 2023.
        ("Alexander Kristoff", 2023, "uno-x"),
        # Ten seasons at Lotto Soudal, Jumbo-Visma from 2022.
        ("Tosh Van der Sande", 2022, "visma"),
        # Lotto Soudal from 2018 after LottoNL-Jumbo.
        ("Victor Campenaerts", 2017, "visma"),
        # Agreed with Intermarché in July 2021 for 2022.
        ("Kobe Goossens", 2021, "lotto"),
        # Uno-X's departures after 2023; Gregaard to Lotto Dstny for two years.
        ("Jonas Gregaard", 2024, "lotto"),
        ("Jacob Hindsgaul", 2024, None),
        # Signed by Uno-X for 2024 from Team dsm-firmenich.
        ("Jonas Iversby Hvideberg", 2023, "dsm"),
        # With Arkéa-Samsic since 2020; Barré signed from Team U Nantes Atlantique for 2023.
        ("Matis Louvel", 2020, "arkea"),
        ("Louis Barré", 2023, "arkea"),
        # Four seasons at Ceratizit-WNT, SD Worx-Protime from 2025.
        ("Marta Lach", 2024, "ceratizit-wnt-women"),
        # AG Insurance-Soudal's signing for 2024 after ending her Movistar contract early.
        ("Sarah Gigante", 2024, "ag-insurance-soudal-women"),
        # UAE Team ADQ in 2023, Movistar from 2024.
        ("Olivia Baril", 2023, "uae-adq-women"),
        # Canyon-SRAM Generation in 2022, the WorldTeam from 2023.
        ("Ricarda Bauernfeind", 2022, "canyon-sram-generation-women"),
        # Announced in spring 2024 that 2024 would be his last season, a year early.
        ("Luke Rowe", 2024, "ineos"),
    ],
)
def test_team_in_season(roster: Roster, name: str, season: int, team_id: str | None) -> None:
    assert person(roster, name).team_on(mid(season)) == team_id


def test_a_contract_extended_for_a_last_season_keeps_the_rider_active(roster: Roster) -> None:
    # Steven Kruijswijk extended with Visma for 2026, announced as his last season.
    kruijswijk = person(roster, "Steven Kruijswijk")
    assert kruijswijk.team_on(mid(2026)) == "visma"
    assert kruijswijk.is_active_rider(mid(2026))


@pytest.mark.parametrize(
    ("name", "last_season", "last_team"),
    [
        # Career ended after Paris-Tours 2025, with Arkéa-B&B Hotels since August 2023.
        ("Arnaud Démare", 2025, "arkea"),
        # Last season 2024, with Decathlon-AG2R after three years at TotalEnergies.
        ("Edvald Boasson Hagen", 2024, "decathlon-ag2r"),
        # Retired after the 2023 Tour of Guangxi; Quick-Step 2020-2021, BORA again 2022-2023.
        ("Shane Archbold", 2023, "bora"),
        # Last race Coppa Bernocchi 2025 after two seasons at Q36.5.
        ("Giacomo Nizzolo", 2025, "q36-5"),
        # Last race Veneto Classic 2025; a Q36.5 sports director from 2026.
        ("Gianluca Brambilla", 2025, "q36-5"),
        # Last race the 2023 Japan Cup, at Cofidis since 2019.
        ("Pierre-Luc Périchon", 2023, "cofidis"),
        # Back to mountain biking after one season at Eolo-Kometa.
        ("Diego Rosa", 2022, "polti"),
        # Not renewed by Bardiani after 2022, his thirteenth season.
        ("Sacha Modolo", 2022, "bardiani"),
        # Announced in June 2021 that the season would be his last, at B&B Hotels since 2018.
        ("Kévin Réza", 2021, "b-b-hotels"),
        # Retired at the end of 2021 after four seasons with the GreenEdge team.
        ("Lucy Kennedy", 2021, "liv-alula-jayco-women"),
        # Final season 2024 with EF-Oatly-Cannondale.
        ("Coryn Labecki", 2024, "ef-cannondale-women"),
        # On INEOS's staff from January 2023 after his one Astana season.
        ("Leonardo Basso", 2022, "astana"),
        # Retired after one season at Visma, his last as Kooij's lead-out.
        ("Daniel McLay", 2025, "visma"),
        # Last season 2022 at Intermarché, then one of its sports directors.
        ("Dimitri Claeys", 2022, "intermarche"),
        # Not renewed by Astana after 2023, retired in January 2024.
        ("Joe Dombrowski", 2023, "astana"),
        # Ended his career after 2023, his third season at Uno-X.
        ("Kristoffer Halvorsen", 2023, "uno-x"),
        # Retired in November 2025 after two years at Lotto.
        ("Jonas Gregaard", 2025, "lotto"),
    ],
)
def test_retired_riders_end_on_their_last_team(
    roster: Roster, name: str, last_season: int, last_team: str
) -> None:
    rider = person(roster, name)
    assert rider.retired == last_season
    assert rider.team_on(mid(last_season)) == last_team
    assert rider.team_on(mid(last_season + 1)) is None
    assert not rider.is_active_rider(mid(last_season + 1))


def test_a_rider_turned_sports_director_is_staff_after_his_last_season(roster: Roster) -> None:
    # Luke Rowe's last season was 2024 at INEOS; Decathlon AG2R's sports director from 2025.
    rowe = person(roster, "Luke Rowe")
    assert rowe.retired == 2024
    assert rowe.is_active_rider(mid(2024))
    assert not rowe.is_active_rider(mid(2025))
    assert rowe.staff_in(2025)
