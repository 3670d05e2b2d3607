-- Demo register for the local stack and the tests (spring.flyway.locations adds classpath:db/demo
-- there, never in production): registered units in each jurisdiction to transfer, mortgage and
-- seize. Unit numbers follow GB/T 37346; districts: FC 370404, QX 370686, LC 371502, ST 370406.
INSERT INTO property_unit (unit_number, jurisdiction, building, address, status, owner_type, owner_name,
                           owner_uscc, owner_id_number, registered_on, seizures, mortgages)
VALUES ('370404001001GB00001F00010101', 'FC', '1号楼', '峰城区振兴路 18 号 1 号楼 101 室', 'REGISTERED', 'PERSON', '王建国', NULL, '370404198001011234', '2019-05-20', 0, 0),
       ('370404001001GB00001F00010102', 'FC', '1号楼', '峰城区振兴路 18 号 1 号楼 102 室', 'REGISTERED', 'PERSON', '李秀英', NULL, '370404198502022345', '2019-05-20', 0, 1),
       ('370404001001GB00001F00010201', 'FC', '1号楼', '峰城区振兴路 18 号 1 号楼 201 室', 'REGISTERED', 'PERSON', '张伟', NULL, '370404197803033456', '2019-05-20', 1, 0),
       ('370404001001GB00001F00010202', 'FC', '1号楼', '峰城区振兴路 18 号 1 号楼 202 室', 'REGISTERED', 'ENTERPRISE', '峰城示例置业有限公司', '91370404MA3C0001XX', NULL, '2019-05-20', 0, 0),
       ('370404001001GB00001F00010301', 'FC', '1号楼', '峰城区振兴路 18 号 1 号楼 301 室', 'REGISTERED', 'PERSON', '刘洋', NULL, '370404199004044567', '2020-08-11', 0, 0),
       ('370686001001GB00002F00010101', 'QX', '1号楼', '栖霞市霞光路 6 号 1 号楼 101 室', 'REGISTERED', 'PERSON', '陈静', NULL, '370686198106055678', '2018-03-15', 0, 0),
       ('370686001001GB00002F00010102', 'QX', '1号楼', '栖霞市霞光路 6 号 1 号楼 102 室', 'REGISTERED', 'PERSON', '杨磊', NULL, '370686198707066789', '2018-03-15', 0, 1),
       ('370686001001GB00002F00010201', 'QX', '1号楼', '栖霞市霞光路 6 号 1 号楼 201 室', 'REGISTERED', 'PERSON', '赵敏', NULL, '370686199208077890', '2018-03-15', 0, 0),
       ('371502001001GB00003F00010101', 'LC', '1号楼', '聊城市东昌府区柳园路 9 号 1 号楼 101 室', 'REGISTERED', 'PERSON', '黄磊', NULL, '371502198309088901', '2017-10-09', 0, 0),
       ('370406001001GB00004F00010101', 'ST', '1号楼', '山亭区府前路 3 号 1 号楼 101 室', 'REGISTERED', 'PERSON', '周芳', NULL, '370406198910099012', '2020-01-06', 0, 0)
ON CONFLICT (unit_number) DO NOTHING;
