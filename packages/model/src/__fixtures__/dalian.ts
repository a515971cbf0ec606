/**
 * Realistic Dalian data for tests, written as input (plain JSON). Division codes follow the
 * national structure (Dalian 210200; Zhongshan 210202; Xigang 210203; Ganjingzi 210211; Changhai
 * county 210224); street and community codes are constructed from that structure, not looked up.
 * Licence numbers are constructed from the documented structure (the check digit is arbitrary,
 * since its algorithm is unknown).
 */

export const jurisdictions = [
  { code: '210200', name: '大连市', level: 'city', kind: 'city' },
  { code: '210202', name: '中山区', level: 'district', kind: 'district', parentCode: '210200' },
  { code: '210203', name: '西岗区', level: 'district', kind: 'district', parentCode: '210200' },
  { code: '210211', name: '甘井子区', level: 'district', kind: 'district', parentCode: '210200' },
  { code: '210224', name: '长海县', level: 'district', kind: 'county', parentCode: '210200' },
  {
    code: '210202001',
    name: '海军广场街道',
    level: 'street',
    kind: 'street',
    parentCode: '210202',
  },
  { code: '210202002', name: '人民路街道', level: 'street', kind: 'street', parentCode: '210202' },
  { code: '210203001', name: '白云街道', level: 'street', kind: 'street', parentCode: '210203' },
  { code: '210224100', name: '大长山岛镇', level: 'street', kind: 'town', parentCode: '210224' },
  {
    code: '210202001001',
    name: '长春路社区',
    level: 'community',
    kind: 'community',
    parentCode: '210202001',
  },
  {
    code: '210202001002',
    name: '民主广场社区',
    level: 'community',
    kind: 'community',
    parentCode: '210202001',
  },
  {
    code: '210224100201',
    name: '小盐场村',
    level: 'community',
    kind: 'village',
    parentCode: '210224100',
  },
] as const;

export const department = {
  id: 'dept-amr',
  name: '大连市市场监督管理局',
  shortName: 'Market supervision bureau',
  jurisdictionCode: '210200',
};

export const coordinator = {
  id: 'coord-0001',
  name: '王丽',
  jurisdictionCode: '210202001001',
  appointedOn: '2016-03-01',
  trainings: [{ date: '2016-04-12', topic: '食品安全法及协管员职责', hours: 4, mode: 'online' }],
  exams: [{ date: '2016-05-20', score: 92, maxScore: 100, passMark: 60, passed: true }],
};

/** A catering licence in Xigang district: JY + 2 (catering) + 210203 + serial 000001 + check 7. */
export const cateringLicence = {
  kind: 'food-business',
  number: 'JY22102030000017',
  issuedOn: '2016-08-15',
  expiresOn: '2021-08-14',
  issuer: '大连市西岗区市场监督管理局',
  displayed: true,
  businessItems: ['热食类食品制售', '冷食类食品制售'],
};

export const restaurant = {
  id: 'op-xg-0001',
  name: '大连老菜馆（西岗店）',
  creditCode: '91210203MA0QC12345',
  businessType: 'catering',
  flags: { chain: true, online: true },
  premises: { address: '大连市西岗区胜利路 100 号', usableAreaM2: 120, seats: 300 },
  jurisdictionCode: '210203001',
  licences: [
    cateringLicence,
    {
      kind: 'public-place-hygiene',
      number: '大卫公证字〔2016〕第 0123 号',
      issuedOn: '2016-08-20',
      expiresOn: '2020-08-19',
    },
  ],
};

export const schoolCanteen = {
  id: 'op-gjz-0042',
  name: '大连市甘井子区某小学食堂',
  businessType: 'canteen',
  canteenKind: 'school',
  flags: { schoolServing: true },
  premises: { usableAreaM2: 260, seats: 400 },
  jurisdictionCode: '210211',
  licences: [
    {
      kind: 'food-business',
      number: 'JY32102110001234',
      issuedOn: '2017-03-01',
      expiresOn: '2022-02-28',
    },
  ],
};

export const dairyProducer = {
  id: 'op-wfd-0007',
  name: '瓦房店某乳品有限公司',
  businessType: 'food-producer',
  licences: [
    {
      kind: 'food-production',
      number: 'SC10321028100123',
      issuedOn: '2016-11-01',
      expiresOn: '2021-10-31',
      foodCategories: ['乳制品'],
    },
  ],
};

export const inspection = {
  id: 'insp-2017-0815-01',
  operatorId: 'op-xg-0001',
  date: '2017-08-15T10:30:00+08:00',
  inspectors: ['执法证 21020001', '执法证 21020002'],
  location: '大连市西岗区胜利路 100 号',
  checklistId: 'cn.2016.catering.table-1-3',
  items: [
    { id: '1.1', class: 'key', result: 'pass', text: '经营许可证合法有效' },
    { id: '2.1', class: 'general', result: 'pass' },
    { id: '2.2', class: 'general', result: 'fail', note: '从业人员健康证过期' },
    { id: '3.1', class: 'key', result: 'fail' },
    { id: '4.1', class: 'general', result: 'not-applicable' },
    { id: '4.2', class: 'general', result: 'pass' },
  ],
  findings: [
    { id: 'f-1', itemId: '2.2', description: '两名从业人员健康证明过期' },
    { id: 'f-2', itemId: '3.1', description: '冷食类食品专间温度 28 °C，超过 25 °C' },
  ],
};

export const sampleBatch = {
  id: 'sb-2017-0565',
  purpose: 'public-nominated',
  sampledOn: '2017-06-10',
  operatorId: 'op-market-12',
  jurisdictionCode: '210202',
  food: { name: '豆腐皮', category: '豆制品', lotNumber: '20170608' },
  results: [
    {
      item: '碱性橙Ⅱ',
      method: 'GB/T 23496-2009',
      methodKind: 'laboratory',
      value: 'detected',
      verdict: 'fail',
      testedAt: '2017-06-14T09:00:00+08:00',
      laboratory: '大连市食品检验所',
    },
    {
      item: '铅（以 Pb 计）',
      method: 'GB 5009.12-2017',
      methodKind: 'laboratory',
      value: 0.12,
      unit: 'mg/kg',
      limit: { max: 0.5, standard: 'GB 2762-2017' },
      verdict: 'pass',
    },
  ],
  retest: {
    notifiedAt: '2017-06-16T10:00:00+08:00',
    requestedAt: '2017-06-20T15:00:00+08:00',
    requestedBy: '某豆制品厂',
    status: 'requested',
  },
};

export const enforcementCase = {
  id: 'case-2017-0088',
  caseNumber: '大市监处罚〔2017〕88号',
  operatorId: 'op-market-12',
  filedOn: '2017-06-22',
  cause: '销售添加非食用物质的豆腐皮',
  legalBasis: ['食品安全法 第一百二十三条'],
  status: 'transferred',
  penalties: [
    { kind: 'confiscation-of-goods', decidedOn: '2017-07-05' },
    { kind: 'fine', amountFen: 5_000_000, decidedOn: '2017-07-05' },
  ],
  transfer: {
    transferredOn: '2017-07-06',
    receivingAuthority: '大连市公安局食品药品犯罪侦查支队',
    status: 'accepted',
    acceptedOn: '2017-07-10',
  },
};

/** The school-canteen plan of REFERENCES.md: per person 100 000 yuan (medical 20 000), per incident 1 000 000, aggregate 2 000 000. */
export const insurancePolicy = {
  id: 'pol-2017-0001',
  policyNumber: 'PICC-DL-2017-0001',
  insuredOperatorId: 'op-gjz-0042',
  insurer: '中国人民财产保险股份有限公司大连市分公司',
  period: { from: '2017-09-01', to: '2018-08-31' },
  limits: {
    perPersonFen: 10_000_000,
    perPersonMedicalFen: 2_000_000,
    perIncidentFen: 100_000_000,
    aggregateFen: 200_000_000,
  },
  deductible: {
    amountFen: 30_000,
    rateBasisPoints: 500,
    scope: 'per-person',
    appliesTo: 'medical',
  },
  premiumFen: 200_000,
};

export const insuranceClaim = {
  id: 'clm-2017-0001',
  policyId: 'pol-2017-0001',
  incidentOn: '2017-11-03',
  reportedOn: '2017-11-03T16:20:00+08:00',
  victims: 3,
  claimedFen: 1_280_000,
  status: 'paid',
  agreedFen: 1_100_000,
  paidFen: 1_100_000,
  paidOn: '2017-12-01',
};

export const creationTask = {
  id: 'task-0001',
  title: '学校食堂“明厨亮灶”覆盖率达到 100%',
  indicatorId: 'catering.open-kitchen.school',
  assignments: [
    { kind: 'department', departmentId: 'dept-edu', role: 'lead' },
    { kind: 'department', departmentId: 'dept-amr', role: 'support' },
    { kind: 'region', jurisdictionCode: '210202', role: 'support' },
  ],
  dueOn: '2017-10-31',
  status: 'completed',
  completedOn: '2017-09-30',
  evidence: [{ kind: 'document', ref: 'docs/2017/open-kitchen-report.pdf' }],
};
