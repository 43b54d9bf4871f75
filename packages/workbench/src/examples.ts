// The five real reports in examples/, for the first visit and for the maintainer's thumbnails.
import guangdong from '../../../examples/guangdong-suixi-wutang-2021.yaml?raw';
import liaoning from '../../../examples/liaoning-zhuanghe-taipingling-2023.yaml?raw';
import national from '../../../examples/national-jiaokou-2021.yaml?raw';
import ningxia from '../../../examples/ningxia-haiyuan-lijun-2020.yaml?raw';
import shaanxi from '../../../examples/shaanxi-nanzheng-fazhen-2022.yaml?raw';

export const examples: Record<string, string> = {
  'liaoning-zhuanghe-taipingling-2023.yaml': liaoning,
  'national-jiaokou-2021.yaml': national,
  'guangdong-suixi-wutang-2021.yaml': guangdong,
  'ningxia-haiyuan-lijun-2020.yaml': ningxia,
  'shaanxi-nanzheng-fazhen-2022.yaml': shaanxi,
};
