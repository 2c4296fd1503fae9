/**
 * Memberships that began before the member became a sovereign state, each on purpose: the
 * organisation admitted it while it was a constituent republic, a mandate or a colony, and the
 * same seat continued after independence. Every other membership lies within the state's life.
 */
export const PRE_STATEHOOD_MEMBERSHIPS: Record<string, string> = {
  'member_of:nation:UKR>alliance:un@1945-10-24':
    'the Ukrainian SSR was a founding UN member while a Soviet republic',
  'member_of:nation:BLR>alliance:un@1945-10-24':
    'the Byelorussian SSR was a founding UN member while a Soviet republic',
  'member_of:nation:IND>alliance:un@1945-10-30': 'British India was a founding UN member',
  'member_of:nation:PHL>alliance:un@1945-10-24':
    'the Commonwealth of the Philippines was a founding UN member',
  'member_of:nation:SYR>alliance:un@1945-10-24':
    'Syria, independent in 1941 but under French mandate until 1946, was a founding UN member',
  'member_of:nation:SYR>alliance:arab-league@1945-03-22':
    'Syria founded the Arab League before the French evacuation of 1946',
  'member_of:nation:JOR>alliance:arab-league@1945-03-22':
    'the Emirate of Transjordan founded the Arab League while a British mandate',
  'member_of:nation:PSE>alliance:arab-league@1976-09-09':
    'the PLO was admitted to represent Palestine before the 1988 declaration of the State',
};
