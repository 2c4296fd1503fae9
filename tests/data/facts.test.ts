import { beforeAll, describe, expect, it } from 'vitest';
import { parseObligations } from '../../server/contract/model.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { findNode, memberIds, worldStore } from '../helpers/world.js';

/**
 * Facts an analyst checks before trusting the tool. Each expected value was taken from the
 * official source named with it, not from the dataset; the test asks the real embedded store
 * loaded with seeds/world, the way the API does.
 */
const NATO_MEMBERS = 'https://www.nato.int/cps/en/natohq/topics_52044.htm';
const UN_MEMBERS = 'https://www.un.org/en/about-us/member-states';
const EU_COUNTRIES =
  'https://european-union.europa.eu/principles-countries-history/eu-countries_en';
const WARSAW = 'https://history.state.gov/milestones/1953-1960/warsaw-treaty';
const SCO = 'https://eng.sectsco.org/';
const ASEAN = 'https://asean.org/about-asean/';
const US_INDIA = 'https://www.state.gov/u-s-security-cooperation-with-india/';

let store: GraphStore;
beforeAll(async () => {
  store = await worldStore();
}, 120_000);

function fact(claim: string, source: string, check: () => Promise<void>) {
  it(`${claim} [${source}]`, check);
}

const count = async (alliance: string, asOf: string) =>
  (await memberIds(store, alliance, asOf)).length;
const isMember = async (nation: string, alliance: string, asOf: string) =>
  (await memberIds(store, alliance, asOf)).includes(nation);

describe('NATO', () => {
  fact('had 12 members on 1949-12-31', NATO_MEMBERS, async () => {
    expect(await count('alliance:nato', '1949-12-31')).toBe(12);
  });
  fact(
    'had 15 members on 1955-12-31 (Greece, Turkey 1952; West Germany 1955)',
    NATO_MEMBERS,
    async () => {
      expect(await count('alliance:nato', '1955-12-31')).toBe(15);
    },
  );
  fact('had 16 members on 1990-01-01 (Spain 1982)', NATO_MEMBERS, async () => {
    expect(await count('alliance:nato', '1990-01-01')).toBe(16);
  });
  fact('had 19 members on 1999-12-31', NATO_MEMBERS, async () => {
    expect(await count('alliance:nato', '1999-12-31')).toBe(19);
  });
  fact('had 26 members on 2004-12-31', NATO_MEMBERS, async () => {
    expect(await count('alliance:nato', '2004-12-31')).toBe(26);
  });
  fact('had 28 members on 2009-12-31', NATO_MEMBERS, async () => {
    expect(await count('alliance:nato', '2009-12-31')).toBe(28);
  });
  fact('had 29 members on 2017-12-31 (Montenegro 2017-06-05)', NATO_MEMBERS, async () => {
    expect(await count('alliance:nato', '2017-06-04')).toBe(28);
    expect(await count('alliance:nato', '2017-12-31')).toBe(29);
  });
  fact('had 30 members on 2020-12-31 (North Macedonia 2020-03-27)', NATO_MEMBERS, async () => {
    expect(await count('alliance:nato', '2020-12-31')).toBe(30);
  });
  fact('has 32 members on 2025-01-01', NATO_MEMBERS, async () => {
    expect(await count('alliance:nato', '2025-01-01')).toBe(32);
  });
  fact('Finland joined on 2023-04-04', NATO_MEMBERS, async () => {
    expect(await isMember('nation:FIN', 'alliance:nato', '2023-04-03')).toBe(false);
    expect(await isMember('nation:FIN', 'alliance:nato', '2023-04-04')).toBe(true);
  });
  fact('Sweden joined on 2024-03-07', NATO_MEMBERS, async () => {
    expect(await isMember('nation:SWE', 'alliance:nato', '2024-03-06')).toBe(false);
    expect(await isMember('nation:SWE', 'alliance:nato', '2024-03-07')).toBe(true);
  });
  fact('West Germany joined on 1955-05-06 and was a member in 1985', NATO_MEMBERS, async () => {
    expect(await isMember('nation:DEU', 'alliance:nato', '1955-05-05')).toBe(false);
    expect(await isMember('nation:DEU', 'alliance:nato', '1985-06-01')).toBe(true);
  });
  fact('Spain joined on 1982-05-30', NATO_MEMBERS, async () => {
    expect(await isMember('nation:ESP', 'alliance:nato', '1982-05-29')).toBe(false);
    expect(await isMember('nation:ESP', 'alliance:nato', '1982-05-30')).toBe(true);
  });
  fact('Greece and Turkey joined on 1952-02-18', NATO_MEMBERS, async () => {
    for (const nation of ['nation:GRC', 'nation:TUR']) {
      expect(await isMember(nation, 'alliance:nato', '1952-02-17')).toBe(false);
      expect(await isMember(nation, 'alliance:nato', '1952-02-18')).toBe(true);
    }
  });
  fact(
    'the North Atlantic Treaty was signed on 1949-04-04',
    'https://www.nato.int/cps/en/natohq/official_texts_17120.htm',
    async () => {
      const treaty = await findNode(store, 'North Atlantic Treaty', 'Agreement');
      expect(treaty.properties.signed).toBe('1949-04-04');
    },
  );
});

describe('Warsaw Pact', () => {
  fact('the treaty was signed on 1955-05-14', WARSAW, async () => {
    const treaty = await findNode(store, 'Warsaw Treaty', 'Agreement');
    expect(treaty.properties.signed).toBe('1955-05-14');
  });
  fact('had 8 members on 1960-01-01', WARSAW, async () => {
    expect(await count('alliance:warsaw-pact', '1960-01-01')).toBe(8);
  });
  fact('ended on 1991-07-01', WARSAW, async () => {
    expect(await count('alliance:warsaw-pact', '1991-06-30')).toBeGreaterThan(0);
    expect(await store.members('alliance:warsaw-pact', '1991-07-01')).toEqual([]);
  });
  fact(
    'East Germany was a member in 1985 and no longer on reunification day 1990-10-03',
    WARSAW,
    async () => {
      expect(await isMember('nation:DDR', 'alliance:warsaw-pact', '1985-01-01')).toBe(true);
      expect(await isMember('nation:DDR', 'alliance:warsaw-pact', '1990-10-03')).toBe(false);
    },
  );
  fact(
    'Albania was no full member after its withdrawal of 1968-09-13',
    'https://history.state.gov/countries/albania',
    async () => {
      expect(await isMember('nation:ALB', 'alliance:warsaw-pact', '1958-01-01')).toBe(true);
      expect(await isMember('nation:ALB', 'alliance:warsaw-pact', '1970-01-01')).toBe(false);
    },
  );
});

describe('United Nations', () => {
  fact('has 193 member states on 2025-01-01', UN_MEMBERS, async () => {
    expect(await count('alliance:un', '2025-01-01')).toBe(193);
  });
  fact(
    'had 29 members when the Charter entered into force on 1945-10-24, and all 51 original members by 1945-12-31',
    UN_MEMBERS,
    async () => {
      expect(await count('alliance:un', '1945-10-23')).toBe(0);
      expect(await count('alliance:un', '1945-10-24')).toBe(29);
      expect(await count('alliance:un', '1945-12-31')).toBe(51);
    },
  );
  fact('South Sudan was admitted on 2011-07-14', UN_MEMBERS, async () => {
    expect(await isMember('nation:SSD', 'alliance:un', '2011-07-13')).toBe(false);
    expect(await isMember('nation:SSD', 'alliance:un', '2011-07-14')).toBe(true);
  });
  fact('Switzerland was admitted on 2002-09-10', UN_MEMBERS, async () => {
    expect(await isMember('nation:CHE', 'alliance:un', '2002-09-09')).toBe(false);
    expect(await isMember('nation:CHE', 'alliance:un', '2002-09-10')).toBe(true);
  });
  fact(
    'the PRC holds China’s seat from 1971-10-25 (General Assembly resolution 2758)',
    'https://digitallibrary.un.org/record/192054',
    async () => {
      expect(await isMember('nation:CHN', 'alliance:un', '1971-10-24')).toBe(false);
      expect(await isMember('nation:CHN', 'alliance:un', '1971-10-25')).toBe(true);
      expect(await isMember('nation:TWN', 'alliance:un', '1971-10-25')).toBe(false);
    },
  );
  fact(
    'the Holy See and Palestine are observer states',
    'https://www.un.org/en/about-us/non-member-states',
    async () => {
      const observers = await memberIds(store, 'alliance:un', '2025-01-01', 'observer');
      expect(observers).toEqual(expect.arrayContaining(['nation:VAT', 'nation:PSE']));
    },
  );
  fact(
    'resolution 1325 was adopted by the Security Council on 2000-10-31, not signed by parties',
    'https://www.un.org/womenandpeacesecurity/',
    async () => {
      const resolution = await findNode(store, '1325', 'Agreement');
      expect(resolution.properties).toMatchObject({ kind: 'resolution', adopted: '2000-10-31' });
      expect(resolution.properties.signed).toBeUndefined();
      const around = await store.neighbourhood(resolution, {
        depth: 1,
        asOf: '2001-01-01',
        limit: 50,
      });
      expect(around.edges.map((e) => e.type)).toEqual(['ADOPTED']);
      expect(around.edges[0]?.source).toBe('alliance:un-security-council');
    },
  );
});

describe('European Union', () => {
  fact(
    'the United Kingdom was a member on 2020-01-31 and not on 2020-02-01',
    EU_COUNTRIES,
    async () => {
      expect(await isMember('nation:GBR', 'alliance:eu', '2020-01-31')).toBe(true);
      expect(await isMember('nation:GBR', 'alliance:eu', '2020-02-01')).toBe(false);
    },
  );
  fact('Croatia joined on 2013-07-01', EU_COUNTRIES, async () => {
    expect(await isMember('nation:HRV', 'alliance:eu', '2013-06-30')).toBe(false);
    expect(await isMember('nation:HRV', 'alliance:eu', '2013-07-01')).toBe(true);
  });
  fact('had 28 members on 2015-01-01 and 27 on 2021-01-01', EU_COUNTRIES, async () => {
    expect(await count('alliance:eu', '2015-01-01')).toBe(28);
    expect(await count('alliance:eu', '2021-01-01')).toBe(27);
  });
});

describe('Asia-Pacific', () => {
  fact(
    'ASEAN was founded on 1967-08-08 by Indonesia, Malaysia, the Philippines, Singapore and Thailand',
    ASEAN,
    async () => {
      expect((await memberIds(store, 'alliance:asean', '1967-08-08')).sort()).toEqual(
        ['nation:IDN', 'nation:MYS', 'nation:PHL', 'nation:SGP', 'nation:THA'].sort(),
      );
    },
  );
  fact('Cambodia joined ASEAN on 1999-04-30', ASEAN, async () => {
    expect(await isMember('nation:KHM', 'alliance:asean', '1999-04-29')).toBe(false);
    expect(await isMember('nation:KHM', 'alliance:asean', '1999-04-30')).toBe(true);
  });
  fact('India and Pakistan became SCO members on 2017-06-09', SCO, async () => {
    for (const nation of ['nation:IND', 'nation:PAK']) {
      expect(await isMember(nation, 'alliance:sco', '2017-06-08')).toBe(false);
      expect(await isMember(nation, 'alliance:sco', '2017-06-09')).toBe(true);
    }
  });
  fact('Iran became an SCO member on 2023-07-04 and Belarus on 2024-07-04', SCO, async () => {
    expect(await isMember('nation:IRN', 'alliance:sco', '2023-07-04')).toBe(true);
    expect(await isMember('nation:BLR', 'alliance:sco', '2024-07-03')).toBe(false);
    expect(await isMember('nation:BLR', 'alliance:sco', '2024-07-04')).toBe(true);
  });
  fact(
    'the Quad is Australia, India, Japan and the United States',
    'https://www.dfat.gov.au/international-relations/regional-architecture/quad',
    async () => {
      expect((await memberIds(store, 'alliance:quad', '2025-01-01')).sort()).toEqual(
        ['nation:AUS', 'nation:IND', 'nation:JPN', 'nation:USA'].sort(),
      );
    },
  );
  fact(
    'AUKUS is Australia, the United Kingdom and the United States',
    'https://www.pm.gov.au/media/joint-leaders-statement-aukus',
    async () => {
      expect((await memberIds(store, 'alliance:aukus', '2025-01-01')).sort()).toEqual(
        ['nation:AUS', 'nation:GBR', 'nation:USA'].sort(),
      );
    },
  );
  fact(
    'ANZUS binds Australia, New Zealand and the United States since 1952-04-29',
    'https://www.dfat.gov.au/geo/united-states-of-america/alliance-with-the-united-states',
    async () => {
      expect(await count('alliance:anzus', '1952-04-28')).toBe(0);
      expect((await store.members('alliance:anzus', '1960-01-01')).map((m) => m.id).sort()).toEqual(
        ['nation:AUS', 'nation:NZL', 'nation:USA'].sort(),
      );
    },
  );
});

describe('bilateral agreements', () => {
  fact('LEMOA was signed on 2016-08-29', US_INDIA, async () => {
    expect((await findNode(store, 'LEMOA', 'Agreement')).properties.signed).toBe('2016-08-29');
  });
  fact('COMCASA was signed on 2018-09-06', US_INDIA, async () => {
    expect((await findNode(store, 'COMCASA', 'Agreement')).properties.signed).toBe('2018-09-06');
  });
  fact('BECA was signed on 2020-10-27', US_INDIA, async () => {
    expect((await findNode(store, 'BECA', 'Agreement')).properties.signed).toBe('2020-10-27');
  });
  fact(
    'the US–Philippines Mutual Defense Treaty was signed on 1951-08-30',
    'https://avalon.law.yale.edu/20th_century/phil001.asp',
    async () => {
      const mdt = await findNode(store, 'Mutual Defense Treaty Philippines', 'Agreement');
      expect(mdt.properties.signed).toBe('1951-08-30');
    },
  );
  fact(
    'the US–Japan Treaty of Mutual Cooperation and Security was signed on 1960-01-19',
    'https://www.mofa.go.jp/region/n-america/us/q&a/ref/1.html',
    async () => {
      const treaty = await findNode(
        store,
        'Treaty of Mutual Cooperation and Security',
        'Agreement',
      );
      expect(treaty.properties.signed).toBe('1960-01-19');
    },
  );
  fact(
    'the Russia–DPRK Treaty on Comprehensive Strategic Partnership was signed on 2024-06-19',
    'http://en.kremlin.ru/supplement/6158',
    async () => {
      const treaty = await findNode(store, 'Comprehensive Strategic Partnership', 'Agreement');
      expect(treaty.properties.signed).toBe('2024-06-19');
      const parties = await store.neighbourhood(treaty, {
        depth: 1,
        asOf: '2025-01-01',
        rels: ['PARTY_TO'],
        limit: 10,
      });
      expect(parties.nodes.map((n) => n.id).sort()).toEqual(
        [treaty.id, 'nation:PRK', 'nation:RUS'].sort(),
      );
    },
  );
});

describe('contractors', () => {
  const hq = async (name: string) => {
    const c = await findNode(store, name, 'Contractor');
    const around = await store.neighbourhood(c, {
      depth: 1,
      asOf: '2025-01-01',
      rels: ['HEADQUARTERED_IN'],
      limit: 5,
    });
    return around.nodes.filter((n) => n.label === 'Nation').map((n) => n.id);
  };
  fact(
    'Lockheed Martin is headquartered in the United States',
    'https://www.lockheedmartin.com/en-us/who-we-are.html',
    async () => {
      expect(await hq('Lockheed Martin')).toEqual(['nation:USA']);
    },
  );
  fact(
    'BAE Systems is headquartered in the United Kingdom',
    'https://www.baesystems.com/en/our-company',
    async () => {
      expect(await hq('BAE Systems')).toEqual(['nation:GBR']);
    },
  );
  fact('Saab is headquartered in Sweden', 'https://www.saab.com/about', async () => {
    expect(await hq('Saab')).toEqual(['nation:SWE']);
  });
  fact(
    'Hanwha Aerospace is headquartered in South Korea',
    'https://www.hanwhaaerospace.com/eng/',
    async () => {
      expect(await hq('Hanwha Aerospace')).toEqual(['nation:KOR']);
    },
  );
  fact(
    'Rheinmetall is headquartered in Germany',
    'https://www.rheinmetall.com/en/company',
    async () => {
      expect(await hq('Rheinmetall')).toEqual(['nation:DEU']);
    },
  );
});

describe('defence structures and partnerships, second pass', () => {
  const membersOf = async (query: string, asOf: string, role = 'member') =>
    memberIds(store, (await findNode(store, query, 'Alliance')).id, asOf, role);
  fact(
    'Denmark joined the European Defence Agency on 2023-03-23, its 27th member state',
    'https://eda.europa.eu/news-and-events/news/2023/03/23/denmark-joins-the-european-defence-agency',
    async () => {
      expect(await membersOf('European Defence Agency', '2023-03-22')).not.toContain('nation:DNK');
      expect(await membersOf('European Defence Agency', '2023-03-23')).toHaveLength(27);
    },
  );
  fact(
    'Poland became the sixth framework nation of Eurocorps in January 2022',
    'https://agerpres.ro/politic-extern/2022/01/26/ue-nato-polonia-devine-o-natiune-cadru-la-eurocorps--853527',
    async () => {
      expect(await membersOf('Eurocorps', '2021-12-31')).toHaveLength(5);
      expect(await membersOf('Eurocorps', '2022-02-01')).toContain('nation:POL');
    },
  );
  fact(
    "Ukraine became NATO's sixth Enhanced Opportunities Partner on 2020-06-12",
    'https://arab.com.ua/eng/news/nato-recognises-ukraine-as-enhanced-opportunities-1688150120.html',
    async () => {
      expect(await membersOf('Enhanced Opportunities Partners', '2020-06-11')).toHaveLength(5);
      expect(await membersOf('Enhanced Opportunities Partners', '2020-06-12')).toContain(
        'nation:UKR',
      );
    },
  );
  fact(
    'Japan signed its partnership programme with NATO on 2014-05-06',
    'https://www.nato.int/cps/en/natohq/news_109508.htm',
    async () => {
      expect(await membersOf('partners across the globe', '2014-05-05')).not.toContain(
        'nation:JPN',
      );
      expect(await membersOf('partners across the globe', '2014-05-06')).toContain('nation:JPN');
    },
  );
  fact(
    'the Non-Aligned Movement was founded by the 25 participants of the 1961 Belgrade Conference',
    'https://iins.org/high-level-commemorative-meeting-in-belgrade-marks-the-60th-anniversary-of-the-first-nam-conference/',
    async () => {
      expect(await membersOf('Non-Aligned Movement', '1962-07-05')).toHaveLength(25);
    },
  );
  fact(
    'the African Union suspended Egypt from 2013-07-05 to 2014-06-17',
    'https://africanews.it/english/the-peace-and-security-council-of-the-african-union-au-at-its-442nd-meeting-on-the-situation-in-the-arab-republic-of-egypt',
    async () => {
      expect(await membersOf('African Union', '2014-01-01', 'suspended')).toContain('nation:EGY');
      expect(await membersOf('African Union', '2014-06-17')).toContain('nation:EGY');
    },
  );
  fact(
    'Argentina left the Non-Aligned Movement on 1991-09-19, 18 years after joining at Algiers',
    'https://apnews.com/article/dad8e554dd531634d2553b6120a48287',
    async () => {
      expect(await membersOf('Non-Aligned Movement', '1991-09-18')).toContain('nation:ARG');
      expect(await membersOf('Non-Aligned Movement', '1991-09-19')).not.toContain('nation:ARG');
    },
  );
  fact(
    'South Sudan joined the Non-Aligned Movement on 2024-01-17, its 121st member',
    'https://www.newvision.co.ug/category/news/south-sudan-joins-non-aligned-movement-NV_179016',
    async () => {
      expect(await membersOf('Non-Aligned Movement', '2024-01-16')).not.toContain('nation:SSD');
      expect(await membersOf('Non-Aligned Movement', '2024-01-17')).toContain('nation:SSD');
    },
  );
  fact(
    'the US-Ukraine security agreement of 2024 pledges a meeting within 24 hours (Art. II), not defence',
    'https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2024/06/13/bilateral-security-agreement-between-the-united-states-of-america-and-ukraine/',
    async () => {
      const agreement = await findNode(
        store,
        'United States-Ukraine security agreement',
        'Agreement',
      );
      const obligations = parseObligations(agreement.properties.obligations);
      expect(obligations?.provisions.map((p) => [p.type, p.article])).toEqual([
        ['consultation', 'Art. II'],
      ]);
    },
  );
  fact(
    'Greece signed its security agreement with Ukraine on 2024-10-17',
    'https://kyivindependent.com/ukraine-signs-bilateral-security-agreement-with-greece/',
    async () => {
      const agreement = await findNode(store, 'Greece-Ukraine security agreement', 'Agreement');
      expect(agreement.properties.signed).toBe('2024-10-17');
    },
  );
});

describe('date precision reaches the API', () => {
  fact(
    'Canada joined the UKUSA arrangements in 1948 (year only)',
    'https://www.nsa.gov/Helpful-Links/NSA-FOIA/Declassification-Transparency-Initiatives/Historical-Releases/UKUSA/',
    async () => {
      const fiveEyes = await findNode(store, 'Five Eyes', 'Alliance');
      const around = await store.neighbourhood(fiveEyes, {
        depth: 1,
        asOf: '1950-06-01',
        rels: ['MEMBER_OF'],
        limit: 20,
      });
      const canada = around.edges.find((e) => e.source === 'nation:CAN');
      expect(canada?.properties).toMatchObject({ since: '1948-01-01', precision: 'year' });
    },
  );
});
